using DebateEvents.Kafka.DeadLetter;
using DebateEvents.Kafka.Retry;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Decides where a record goes once its consumer faulted after in-process retries: the next retry-topic
/// attempt while any are left, otherwise the dead-letter topic.
/// </summary>
internal sealed class FaultedRecordSettler
{
    private readonly DeadLetterWriter _deadLetters;
    private readonly RetryTopicWriter? _retries;

    public FaultedRecordSettler(DeadLetterWriter deadLetters, RetryTopicWriter? retries)
    {
        _deadLetters = deadLetters;
        _retries = retries;
    }

    /// <summary>True once the record is safely in the retry or dead-letter topic.</summary>
    public Task<bool> Settle(KafkaReceiveContext context, Exception exception, CancellationToken cancellationToken)
    {
        var record = context.Record;
        var headers = record.Message.Headers;
        var consumerAttempts = RetryTopicWriter.ReadConsumerAttempts(headers) + context.Attempts;
        var nextAttempt = RetryTopicWriter.ReadAttempt(headers) + 1;
        return _retries is not null && nextAttempt <= _retries.Delays.Count
            ? _retries.TryWrite(record, nextAttempt, consumerAttempts, cancellationToken)
            : _deadLetters.TryWrite(record, DeadLetterHeaders.ReasonConsumerFaulted, exception, consumerAttempts, cancellationToken);
    }
}
