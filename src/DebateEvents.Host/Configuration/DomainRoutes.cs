using DebateEvents.Kafka;
using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Configuration;

/// <summary>Which debate event goes to which topic with which key (the shared vocabulary of domain.md).</summary>
public static class DomainRoutes
{
    /// <summary>Registers a producer, and so a route shared with the outbox, for every domain event.</summary>
    public static void AddDomainProducers(this IRiderRegistrationConfigurator rider, string prefix)
    {
        ArgumentNullException.ThrowIfNull(rider);
        var debates = $"{prefix}.debate-events";
        rider.AddProducer<DebateInitiated>(debates, e => e.DebateId, Name<DebateInitiated>());
        rider.AddProducer<ArgumentSubmitted>(debates, e => e.DebateId, Name<ArgumentSubmitted>());
        rider.AddProducer<DebateCompleted>(debates, e => e.DebateId, Name<DebateCompleted>());
        rider.AddProducer<DecisionMade>($"{prefix}.decision-events", e => e.DebateId, Name<DecisionMade>());
        rider.AddProducer<EvolutionTriggered>($"{prefix}.evolution-events", e => e.EvolutionId, Name<EvolutionTriggered>());
        rider.AddProducer<WebhookNotificationRequested>($"{prefix}.webhook-events", e => e.NotificationId, Name<WebhookNotificationRequested>());
        rider.AddProducer<MetricRecorded>($"{prefix}.metrics-events", e => e.Name, Name<MetricRecorded>());
    }

    /// <summary>The <c>ce_type</c> of a contract: its Avro full name.</summary>
    public static string Name<T>() => $"zamaz.debate.events.{typeof(T).Name}";
}
