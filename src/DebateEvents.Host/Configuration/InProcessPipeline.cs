using DebateEvents.Host.Database;
using DebateEvents.Host.Processors;
using DebateEvents.Outbox.Configuration;
using MassTransit;

namespace DebateEvents.Host.Configuration;

/// <summary>
/// <c>KAFKA_ENABLED=false</c>: no Kafka client at all. Published events reach the same processors through the
/// in-process bus, each behind the inbox, so an event delivered twice is still handled once; the outbox keeps
/// its tables (the inbox lives there) but does not dispatch.
/// </summary>
internal static class InProcessPipeline
{
    public static void Add(IServiceCollection services, DatabaseOptions database)
    {
        services.AddDebateOutbox(database, o => o.EnableDispatcher = false);
        services.AddMassTransit(x =>
        {
            x.AddConsumer<DebateEventProcessor>();
            x.AddConsumer<DecisionEventProcessor>();
            x.AddConsumer<EvolutionEventProcessor>();
            x.AddConsumer<MetricsEventProcessor>();
            x.AddConsumer<WebhookEventProcessor>();
            x.UsingInMemory((context, bus) =>
            {
                Endpoint<DebateEventProcessor>(bus, context, "debate-processors");
                Endpoint<DecisionEventProcessor>(bus, context, "decision-processors");
                Endpoint<EvolutionEventProcessor>(bus, context, "evolution-processors");
                Endpoint<MetricsEventProcessor>(bus, context, "metrics-processors");
                Endpoint<WebhookEventProcessor>(bus, context, "webhook-processors");
            });
        });
    }

    private static void Endpoint<TProcessor>(IInMemoryBusFactoryConfigurator bus, IBusRegistrationContext context, string name)
        where TProcessor : class, IConsumer =>
        bus.ReceiveEndpoint(name, e =>
        {
            // One at a time per processor: the in-process bus keeps no per-key order otherwise.
            e.ConcurrentMessageLimit = 1;
            e.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100)));
            e.ConfigureConsumer<TProcessor>(context, c => c.UseDebateEventsInbox());
        });
}
