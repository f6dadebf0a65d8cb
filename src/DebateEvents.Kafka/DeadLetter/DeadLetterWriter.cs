using System.Globalization;
using System.Text;
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
    private readonly KafkaRecordProducer _producer;
    private readonly string _topic;
    private readonly string _groupId;
    private readonly Func<IPublishEndpoint> _bus;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;

    public DeadLetterWriter(KafkaRecordProducer producer, string topic, string groupId, Func<IPublishEndpoint> bus, RiderMetrics metrics, ILogger logger)
    {
        _producer = producer;
        _topic = topic;
        _groupId = groupId;
        _bus = bus;
        _metrics = metrics;
        _logger = logger;
    }

    public string DeadLetterTopic => TopicNames.DeadLetter(_topic);

    /// <summary>Writes the record; true once the dead-letter topic acknowledged it, false if it could not be written.</summary>
    public async Task<bool> TryWrite(ConsumeResult<byte[]?, byte[]> record, string reason, Exception exception, int attempts, CancellationToken cancellationToken)
    {
        var failedAt = DateTimeOffset.UtcNow;
        var message = new Message<byte[]?, byte[]>
        {
            Key = record.Message.Key,
            Value = record.Message.Value,
            Timestamp = record.Message.Timestamp,
            Headers = Copy(record.Message.Headers),
        };
        AddFailureHeaders(message.Headers, record, reason, exception, attempts, failedAt);
        DeliveryReceipt receipt;
        try
        {
            // The token can stop the write from starting, not the wait for its acknowledgement (bounded by the
            // delivery timeout): a write abandoned halfway could land while its record stays uncommitted.
            cancellationToken.ThrowIfCancellationRequested();
            receipt = await _producer.Send(DeadLetterTopic, message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is KafkaException or ProducerCircuitOpenException or OperationCanceledException)
        {
            LogWriteFailed(ex, DeadLetterTopic, record.Topic, record.Partition.Value, record.Offset.Value);
            return false;
        }

        _metrics.DeadLettered(_topic, _groupId);
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
            ConsumerGroup = _groupId,
            DeadLetterTopic = receipt.Topic,
            DeadLetterOffset = receipt.Offset,
            EventType = Text(headers, CloudEventHeaders.Type),
            EventId = Text(headers, CloudEventHeaders.Id),
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
        Add(headers, DeadLetterHeaders.SourceTopic, record.Topic);
        Add(headers, DeadLetterHeaders.SourcePartition, record.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, DeadLetterHeaders.SourceOffset, record.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, DeadLetterHeaders.ConsumerGroup, _groupId);
        Add(headers, DeadLetterHeaders.Reason, reason);
        Add(headers, DeadLetterHeaders.ExceptionType, exception.GetType().FullName ?? exception.GetType().Name);
        Add(headers, DeadLetterHeaders.ExceptionMessage, exception.Message);
        var stackTrace = exception.StackTrace ?? string.Empty;
        Add(headers, DeadLetterHeaders.ExceptionStackTrace,
            stackTrace.Length > DeadLetterHeaders.MaxStackTraceLength ? stackTrace[..DeadLetterHeaders.MaxStackTraceLength] : stackTrace);
        Add(headers, DeadLetterHeaders.Attempts, attempts.ToString(CultureInfo.InvariantCulture));
        Add(headers, DeadLetterHeaders.FailedAt, failedAt.ToString("O", CultureInfo.InvariantCulture));
    }

    private static Headers Copy(Headers? source)
    {
        var copy = new Headers();
        if (source is not null)
        {
            foreach (var header in source)
            {
                copy.Add(header.Key, header.GetValueBytes());
            }
        }

        return copy;
    }

    private static void Add(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));

    private static string? Text(Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Topic}[{Partition}]@{Offset} to {DeadLetterTopic}; it stays uncommitted and will be redelivered")]
    private partial void LogWriteFailed(Exception exception, string deadLetterTopic, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered {Topic}[{Partition}]@{Offset} to {DeadLetterTopic} ({Reason}): {Error}")]
    private partial void LogDeadLettered(string topic, int partition, long offset, string deadLetterTopic, string reason, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the dead-letter announcement for {Topic}@{Offset}")]
    private partial void LogAnnounceFailed(Exception exception, string topic, long offset);
}
