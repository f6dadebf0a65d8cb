namespace DebateEvents.Kafka.Tests.Messages;

/// <summary>The reply to a <see cref="ScoreRequested"/>: the request's fields echoed, and who answered.</summary>
public sealed record ScoreReported(string DebateId, int Round, int Score, string AnsweredBy);
