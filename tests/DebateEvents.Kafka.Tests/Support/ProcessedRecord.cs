namespace DebateEvents.Kafka.Tests.Support;

/// <summary>One consumer invocation seen by a test.</summary>
public sealed record ProcessedRecord(string Instance, string Key, int Sequence, string Topic, int Partition, long Offset, DateTimeOffset At);
