using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests;

/// <summary>One realistic instance of every generated event contract.</summary>
internal static class SampleEvents
{
    public static readonly DateTimeOffset OccurredAt = new(2026, 11, 22, 17, 30, 15, 123, TimeSpan.Zero);
    public static readonly Guid DebateId = Guid.Parse("3f2504e0-4f89-41d3-9a0c-0305e82c3301");

    public static DebateInitiated DebateInitiated() => new()
    {
        DebateId = DebateId,
        Question = "Should the system adopt event sourcing? — «ja» ✓",
        Participants = ["claude", "gemini", "gpt"],
        RoundsPlanned = 3,
        InitiatedBy = "scheduler",
        OccurredAt = OccurredAt,
    };

    public static ArgumentSubmitted ArgumentSubmitted(double? confidence = 0.875) => new()
    {
        DebateId = DebateId,
        Round = 2,
        Participant = "gemini",
        Position = Position.Against,
        Content = "Replay cost grows with history.",
        Confidence = confidence,
        OccurredAt = OccurredAt,
    };

    public static DebateCompleted DebateCompleted(Position? winner = Position.For) => new()
    {
        DebateId = DebateId,
        Outcome = DebateOutcome.NoDecision,
        WinningPosition = winner,
        Rounds = 3,
        DurationMs = 1_234_567_890_123,
        OccurredAt = OccurredAt,
    };

    public static DecisionMade DecisionMade() => new()
    {
        DecisionId = Guid.Parse("b8d1d1e4-0000-4000-8000-00000000beef"),
        DebateId = DebateId,
        Decision = "Adopt the outbox pattern",
        DecisionType = DecisionType.Evolutionary,
        Confidence = 0.9375m,
        Rationale = null,
        ImplementationRequired = true,
        OccurredAt = OccurredAt,
    };

    public static EvolutionTriggered EvolutionTriggered() => new()
    {
        EvolutionId = Guid.Parse("00000000-0000-0000-0000-000000000001"),
        Feature = "outbox",
        Trigger = "decision",
        Impact = EvolutionImpact.High,
        DebateId = DebateId,
        OccurredAt = OccurredAt,
    };

    public static WebhookNotificationRequested WebhookNotificationRequested() => new()
    {
        NotificationId = Guid.Parse("12345678-9abc-def0-1234-56789abcdef0"),
        EventType = "decision.made",
        SubjectId = "decision-42",
        Payload = new Dictionary<string, string> { ["decision"] = "adopt", ["confidence"] = "0.9375", ["empty"] = "" },
        OccurredAt = OccurredAt,
    };

    public static MetricRecorded MetricRecorded() => new()
    {
        Name = "debate.duration",
        Value = -1.5e-3,
        Unit = "s",
        Tags = new Dictionary<string, string>(),
        OccurredAt = DateTimeOffset.FromUnixTimeMilliseconds(-1),
    };
}
