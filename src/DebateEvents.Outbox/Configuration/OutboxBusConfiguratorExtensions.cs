using DebateEvents.Outbox.Publishing;
using MassTransit;

namespace DebateEvents.Outbox.Configuration;

/// <summary>
/// Connects the outbox to a bus or to MassTransit's mediator: <c>cfg.UseDebateEventsOutbox(context)</c> inside
/// <c>UsingInMemory</c> (or any transport) or <c>AddMediator(m =&gt; m.ConfigureMediator((context, cfg) =&gt; ...))</c>.
/// </summary>
public static class OutboxBusConfiguratorExtensions
{
    /// <summary>
    /// Adds the scoped outbox publish filter: a routed event published through a scoped
    /// <see cref="IPublishEndpoint"/>, an <c>IScopedMediator</c> or a <see cref="ConsumeContext"/> is written to that
    /// scope's DbContext (and so commits with it), then delivered to in-process subscribers as usual. Published
    /// without a scope (<see cref="IBus"/>, the singleton <c>IMediator</c>), its row is saved on its own at once.
    /// </summary>
    public static void UseDebateEventsOutbox(this IPublishPipelineConfigurator configurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(context);
        configurator.UsePublishFilter(typeof(OutboxPublishFilter<>), context);
    }
}
