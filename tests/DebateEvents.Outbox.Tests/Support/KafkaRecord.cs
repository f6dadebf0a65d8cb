namespace DebateEvents.Outbox.Tests.Support;

/// <summary>One record read back from the embedded cluster.</summary>
public sealed record KafkaRecord(string Topic, int Partition, long Offset, string? Key, Guid EventId, string? EventType, byte[] Value, string? CorrelationId = null)
{
    /// <summary>The outbox's view of a record the test kit read: its CloudEvents id, type and correlation id.</summary>
    public static KafkaRecord From(TopicRecord record) => new(
        record.Topic,
        record.Partition,
        record.Offset,
        record.KeyText,
        Guid.Parse(record.Header("ce_id") ?? throw new InvalidOperationException($"Record {record.Topic}[{record.Partition}]@{record.Offset} has no ce_id.")),
        record.Header("ce_type"),
        record.Value,
        record.Header("correlation-id"));
}
