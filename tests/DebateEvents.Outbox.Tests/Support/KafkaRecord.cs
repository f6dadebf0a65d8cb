namespace DebateEvents.Outbox.Tests.Support;

/// <summary>One record read back from the embedded cluster.</summary>
public sealed record KafkaRecord(string Topic, int Partition, long Offset, string? Key, Guid EventId, string? EventType, byte[] Value, string? CorrelationId = null);
