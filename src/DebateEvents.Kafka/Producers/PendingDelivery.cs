using System.Diagnostics;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Producers;

/// <summary>
/// One record awaiting its delivery report: the task the caller awaits and the state the report needs, in one
/// object, so a send allocates no closure and no cancellation callback besides it. Continuations run on the
/// thread pool, never on librdkafka's thread.
/// </summary>
internal sealed class PendingDelivery : TaskCompletionSource<DeliveryReceipt>
{
    private static readonly Action<object?, CancellationToken> Cancel =
        static (state, token) => ((PendingDelivery)state!).TrySetCanceled(token);

    private readonly KafkaRecordProducer _producer;
    private readonly Message<byte[]?, byte[]> _message;
    private readonly Activity? _activity;
    private CancellationTokenRegistration _cancellation;

    public PendingDelivery(KafkaRecordProducer producer, string topic, Message<byte[]?, byte[]> message, Activity? activity)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _producer = producer;
        Topic = topic;
        _message = message;
        _activity = activity;
    }

    public string Topic { get; }

    /// <summary>As with <c>ProduceAsync</c>, cancelling stops the wait, not the send.</summary>
    public void CancelWith(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            // No execution context flows into the callback: it only cancels this task.
            _cancellation = cancellationToken.UnsafeRegister(Cancel, this);
        }
    }

    /// <summary>The delivery report handler librdkafka's delivery thread calls for this record.</summary>
    public void OnDelivered(DeliveryReport<byte[]?, byte[]> report)
    {
        _cancellation.Dispose();
        if (report.Error.IsError)
        {
            // The report carries no key, value or headers (see KafkaProducerOptions): the exception gets the record as sent.
            var result = new DeliveryResult<byte[]?, byte[]>
            {
                Message = _message,
                TopicPartitionOffset = report.TopicPartitionOffset,
                Status = report.Status,
            };
            var ex = new ProduceException<byte[]?, byte[]>(report.Error, result);
            _producer.Failed(Topic, ex, _activity);
            TrySetException(ex);
            return;
        }

        _producer.Succeeded(Topic);
        TrySetResult(new DeliveryReceipt(Topic, report.Partition.Value, report.Offset.Value, report.Timestamp.UtcDateTime));
    }

    /// <summary>Stops waiting for a report that will never come: the send itself failed.</summary>
    public void Abandon() => _cancellation.Dispose();
}
