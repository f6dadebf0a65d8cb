namespace DebateEvents.Kafka.Tests.Messages;

/// <summary>A second event type on the same topic as <see cref="ArgumentMade"/>.</summary>
public sealed record DebateOpened(string DebateId, string Question);
