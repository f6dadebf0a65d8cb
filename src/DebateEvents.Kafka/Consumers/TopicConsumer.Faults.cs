using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// How a consumer ends on a fault: what counts as one, and stopping as cleanly as it still can, so the
/// <see cref="EndpointSupervisor"/> can start a new consumer from the committed offsets.
/// </summary>
internal sealed partial class TopicConsumer
{
    private volatile Error? _fatalError;

    /// <summary>What ended the poll loop other than a stop, or what kept the consumer from being built; null otherwise.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Set when building the Kafka consumer failed (librdkafka rejected the configuration, say); also the <see cref="Fault"/>.</summary>
    public Exception? BuildError { get; private set; }

    /// <summary>librdkafka retries its own errors, except fatal ones: those end the poll loop as a fault.</summary>
    private void OnError(Error error)
    {
        LogKafkaError(error.Code, error.Reason, _settings.Topics[0], _settings.GroupId);
        if (error.IsFatal)
        {
            _fatalError = error;
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fatalError is { } fatal)
        {
            throw new KafkaException(fatal);
        }

        if (_settings.PollFault?.Invoke() is { } injected)
        {
            throw injected;
        }
    }

    private void Faulted(Exception exception)
    {
        Fault = exception;
        Status.Restarts.Faulted(exception);
        LogConsumerFaulted(exception, _settings.Topics[0], _settings.GroupId);
    }

    /// <summary>
    /// After a fault, stops like a shutdown (drain, commit what settled, leave the group) if the consumer
    /// still can; otherwise lets its partitions go uncommitted, so their unfinished records are redelivered.
    /// </summary>
    private void ShutdownAfterFault(IConsumer<byte[]?, byte[]> consumer)
    {
        if (!TryShutdown(consumer))
        {
            _abort = true;
            TryShutdown(consumer);
        }
    }

    private bool TryShutdown(IConsumer<byte[]?, byte[]> consumer)
    {
        try
        {
            Shutdown(consumer);
            return true;
        }
        catch (Exception ex)
        {
            LogShutdownAfterFaultFailed(ex, _settings.Topics[0], _settings.GroupId);
            return false;
        }
    }
}
