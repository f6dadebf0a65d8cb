using System.Globalization;
using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Producers;
using DebateEvents.Kafka.Routing;
using MassTransit;
using Headers = Confluent.Kafka.Headers;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.DeadLetter;

/// <summary>
/// Copies a failed record to <c>{topic}.dead-letter</c> with its original key, value and headers plus the
/// failure headers, waits for the broker's acknowledgement, then announces it with
/// <see cref="KafkaRecordDeadLettered"/>. A write that fails is reported to the caller, which must not commit.
/// </summary>
internal sealed partial class DeadLetterWriter
{
    private readonly ErrorTopicWriter _writer;
    private readonly Func<IPublishEndpoint> _bus;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;

    public DeadLetterWriter(ErrorTopicWriter writer, Func<IPublishEndpoint> bus, RiderMetrics metrics, ILogger logger)
    {
        _writer = writer;
        _bus = bus;
        _metrics = metrics;
        _logger = logger;
    }

    public string DeadLetterTopic => _writer.Topic;

    /// <summary>Writes the record; true once the dead-letter topic acknowledged it, false if it could not be written.</summary>
    public async Task<bool> TryWrite(ConsumeResult<byte[]?, byte[]> record, string reason, Exception exception, int attempts, CancellationToken cancellationToken)
    {
        var failedAt = DateTimeOffset.UtcNow;
        var headers = record.Message.Headers.CopyExcept();
        AddFailureHeaders(headers, record, reason, exception, attempts, failedAt);
        if (await _writer.TryWrite(record, headers, record.Message.Timestamp, cancellationToken) is not { } receipt)
        {
            return false;
        }

        _metrics.DeadLettered(_writer.SourceTopic, _writer.GroupId);
        LogDeadLettered(record.Topic, record.Partition.Value, record.Offset.Value, DeadLetterTopic, reason, exception.Message);
        await Announce(record, reason, exception, attempts, failedAt, receipt);
        return true;
    }

    private async Task Announce(ConsumeResult<byte[]?, byte[]> record, string reason, Exception exception, int attempts, DateTimeOffset failedAt,
        DeliveryReceipt receipt)
    {
        var headers = record.Message.Headers;
        var announcement = new KafkaRecordDeadLettered
        {
            SourceTopic = record.Topic,
            SourcePartition = record.Partition.Value,
            SourceOffset = record.Offset.Value,
            ConsumerGroup = _writer.GroupId,
            DeadLetterTopic = receipt.Topic,
            DeadLetterOffset = receipt.Offset,
            EventType = headers.GetText(CloudEventHeaders.Type),
            EventId = headers.GetText(CloudEventHeaders.Id),
            Reason = reason,
            ExceptionType = exception.GetType().FullName ?? exception.GetType().Name,
            ExceptionMessage = exception.Message,
            Attempts = attempts,
            FailedAt = failedAt,
        };
        try
        {
            await _bus().Publish(announcement);
        }
        catch (Exception ex)
        {
            // The record is safely in the dead-letter topic; a lost announcement must not redeliver it.
            LogAnnounceFailed(ex, record.Topic, record.Offset.Value);
        }
    }

    private void AddFailureHeaders(Headers headers, ConsumeResult<byte[]?, byte[]> record, string reason, Exception exception, int attempts,
        DateTimeOffset failedAt)
    {
        headers.AddText(DeadLetterHeaders.SourceTopic, record.Topic);
        headers.AddNumber(DeadLetterHeaders.SourcePartition, record.Partition.Value);
        headers.AddNumber(DeadLetterHeaders.SourceOffset, record.Offset.Value);
        headers.AddText(DeadLetterHeaders.ConsumerGroup, _writer.GroupId);
        headers.AddText(DeadLetterHeaders.Reason, reason);
        headers.AddText(DeadLetterHeaders.ExceptionType, exception.GetType().FullName ?? exception.GetType().Name);
        headers.AddText(DeadLetterHeaders.ExceptionMessage, exception.Message);
        var stackTrace = exception.StackTrace ?? string.Empty;
        headers.AddText(DeadLetterHeaders.ExceptionStackTrace,
            stackTrace.Length > DeadLetterHeaders.MaxStackTraceLength ? stackTrace[..DeadLetterHeaders.MaxStackTraceLength] : stackTrace);
        headers.AddNumber(DeadLetterHeaders.Attempts, attempts);
        headers.AddText(DeadLetterHeaders.FailedAt, failedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered {Topic}[{Partition}]@{Offset} to {DeadLetterTopic} ({Reason}): {Error}")]
    private partial void LogDeadLettered(string topic, int partition, long offset, string deadLetterTopic, string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the dead-letter announcement for {Topic}@{Offset}")]
    private partial void LogAnnounceFailed(Exception exception, string topic, long offset);
}
