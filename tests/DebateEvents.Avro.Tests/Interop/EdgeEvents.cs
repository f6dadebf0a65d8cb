using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Interop;

/// <summary>Every event contract at its edges: nulls, unicode, decimals at their precision, empty collections, extreme numbers.</summary>
internal static class EdgeEvents
{
    private static readonly DateTimeOffset Earliest = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    // Whole seconds: Apache.Avro (under Confluent's serdes) turns 9999-12-31T23:59:59.999Z into ...998 ms.
    private static readonly DateTimeOffset Latest = new(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);
    private const string Unicode = "日本語 · emoji 🎉 · combining é · RTL עברית · \u0000 nul · \uFFFD";

    public static IEnumerable<object> All() =>
    [
        SampleEvents.DebateInitiated(),
        new DebateInitiated { DebateId = Guid.Empty, Question = Unicode, Participants = [], RoundsPlanned = int.MaxValue, InitiatedBy = "", OccurredAt = Earliest },
        new DebateInitiated { DebateId = Guid.AllBitsSet, Question = new string('x', 100_000), Participants = [Unicode, ""], RoundsPlanned = int.MinValue, InitiatedBy = Unicode, OccurredAt = Latest },
        SampleEvents.ArgumentSubmitted(),
        SampleEvents.ArgumentSubmitted(null),
        SampleEvents.ArgumentSubmitted(double.MaxValue),
        SampleEvents.ArgumentSubmitted(double.Epsilon),
        SampleEvents.ArgumentSubmitted(-0.0),
        SampleEvents.DebateCompleted(),
        SampleEvents.DebateCompleted(null),
        new DebateCompleted { DebateId = Guid.NewGuid(), Outcome = DebateOutcome.Consensus, WinningPosition = Position.Neutral, Rounds = 0, DurationMs = long.MinValue, OccurredAt = Earliest },
        new DebateCompleted { DebateId = Guid.NewGuid(), Outcome = DebateOutcome.Majority, WinningPosition = Position.Against, Rounds = int.MaxValue, DurationMs = long.MaxValue, OccurredAt = Latest },
        SampleEvents.DecisionMade(),
        Decision(9.9999m, Unicode),
        Decision(-9.9999m, null),
        Decision(0m, ""),
        Decision(0.0001m, null),
        SampleEvents.EvolutionTriggered(),
        new EvolutionTriggered { EvolutionId = Guid.NewGuid(), Feature = Unicode, Trigger = "", Impact = EvolutionImpact.Low, DebateId = null, OccurredAt = Latest },
        SampleEvents.WebhookNotificationRequested(),
        new WebhookNotificationRequested { NotificationId = Guid.NewGuid(), EventType = Unicode, SubjectId = "", Payload = new Dictionary<string, string>(), OccurredAt = Earliest },
        new WebhookNotificationRequested { NotificationId = Guid.NewGuid(), EventType = "e", SubjectId = "s", Payload = new Dictionary<string, string> { [Unicode] = Unicode, [""] = "" }, OccurredAt = Latest },
        SampleEvents.MetricRecorded(),
        new MetricRecorded { Name = Unicode, Value = double.MinValue, Unit = null, Tags = new Dictionary<string, string> { ["k"] = Unicode }, OccurredAt = Latest },
        new MetricRecorded { Name = "", Value = double.MaxValue, Unit = "", Tags = new Dictionary<string, string>(), OccurredAt = Earliest },
    ];

    private static DecisionMade Decision(decimal confidence, string? rationale) => new()
    {
        DecisionId = Guid.NewGuid(),
        DebateId = Guid.NewGuid(),
        Decision = "d",
        DecisionType = DecisionType.Simple,
        Confidence = confidence,
        Rationale = rationale,
        ImplementationRequired = false,
        OccurredAt = SampleEvents.OccurredAt,
    };
}
