namespace DebateEvents.Kafka.Tests.Messages;

/// <summary>A request for a debate's score, answered with a <see cref="ScoreReported"/>.</summary>
public sealed record ScoreRequested(string DebateId, int Round);
