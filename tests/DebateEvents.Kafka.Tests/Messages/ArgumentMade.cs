namespace DebateEvents.Kafka.Tests.Messages;

/// <summary>A test event keyed by debate; <see cref="Sequence"/> is its position within the debate.</summary>
public sealed record ArgumentMade(string DebateId, int Sequence, string Content, bool Poison = false);
