using System.Globalization;
using DebateEvents.Host.ReadModels;
using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Processors;

/// <summary>Records each decision and asks for a webhook notification about it, in one transaction.</summary>
public sealed class DecisionEventProcessor(DebateDbContext db) : IConsumer<DecisionMade>
{
    /// <summary>The webhook event type subscribers register for to hear about decisions.</summary>
    public const string WebhookEventType = "decision.made";

    /// <summary>Stores the decision and publishes a WebhookNotificationRequested through the outbox.</summary>
    public async Task Consume(ConsumeContext<DecisionMade> context)
    {
        var e = context.Message;
        if (await db.Decisions.FindAsync([e.DecisionId], context.CancellationToken) is not null)
        {
            return;
        }

        db.Decisions.Add(new DecisionRecord
        {
            Id = e.DecisionId,
            DebateId = e.DebateId,
            Decision = e.Decision,
            DecisionType = e.DecisionType,
            Confidence = e.Confidence,
            Rationale = e.Rationale,
            ImplementationRequired = e.ImplementationRequired,
            OccurredAt = e.OccurredAt,
        });
        // The notification id is the decision id, so a duplicate request is one notification.
        await context.Publish(new WebhookNotificationRequested
        {
            NotificationId = e.DecisionId,
            EventType = WebhookEventType,
            SubjectId = e.DebateId.ToString("D"),
            Payload = new Dictionary<string, string>
            {
                ["decision"] = e.Decision,
                ["decision_type"] = e.DecisionType.ToString(),
                ["confidence"] = e.Confidence.ToString(CultureInfo.InvariantCulture),
                ["implementation_required"] = e.ImplementationRequired ? "true" : "false",
            },
            OccurredAt = e.OccurredAt,
        }, context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
