using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Producers;

/// <summary>
/// Copies consumed records of one endpoint to one of its error topics (the retry or the dead-letter topic):
/// the original key and value with the headers the caller built, through the rider's shared producer. The
/// caller may commit the record only once this reports the copy acknowledged.
/// </summary>
internal sealed partial class ErrorTopicWriter(KafkaRecordProducer producer, string sourceTopic, string destinationTopic, string groupId,
    ILogger logger)
{
    private readonly KafkaRecordProducer _producer = producer;
    private readonly ILogger _logger = logger;

    /// <summary>The endpoint's topic, whose records (and whose retry topic's records) are copied.</summary>
    public string SourceTopic { get; } = sourceTopic;

    /// <summary>The error topic written to.</summary>
    public string Topic { get; } = destinationTopic;

    public string GroupId { get; } = groupId;

    /// <summary>
    /// Writes <paramref name="record"/>'s key and value with <paramref name="headers"/> and
    /// <paramref name="timestamp"/> (the default stamps it now); the receipt once acknowledged, null if it
    /// could not be written, which is logged.
    /// </summary>
    public async Task<DeliveryReceipt?> TryWrite(ConsumeResult<byte[]?, byte[]> record, Headers headers, Timestamp timestamp,
        CancellationToken cancellationToken)
    {
        var message = new Message<byte[]?, byte[]> { Key = record.Message.Key, Value = record.Message.Value, Headers = headers, Timestamp = timestamp };
        try
        {
            // The token can stop the write from starting, not the wait for its acknowledgement (bounded by the
            // delivery timeout): a write abandoned halfway could land while its record stays uncommitted.
            cancellationToken.ThrowIfCancellationRequested();
            return await _producer.Send(Topic, message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is KafkaException or ProducerCircuitOpenException or OperationCanceledException)
        {
            LogWriteFailed(ex, record.Topic, record.Partition.Value, record.Offset.Value, Topic);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Topic}[{Partition}]@{Offset} to {ErrorTopic}; it stays uncommitted and will be redelivered")]
    private partial void LogWriteFailed(Exception exception, string topic, int partition, long offset, string errorTopic);
}
