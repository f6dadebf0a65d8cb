using DebateEvents.Kafka.Routing;
using MassTransit;

namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// Registers every message type a topic endpoint's consumers and handlers accept in the route table, so a
/// record whose <c>ce_type</c> is the type's full name resolves even when this service never produces it.
/// </summary>
internal sealed class ConsumedTypeRegistrar : IConsumerConfigurationObserver, IHandlerConfigurationObserver
{
    private readonly EventRouteTable _routes;

    public ConsumedTypeRegistrar(EventRouteTable routes)
    {
        _routes = routes;
    }

    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class =>
        _routes.AddConsumable(typeof(TMessage));

    public void HandlerConfigured<TMessage>(IHandlerConfigurator<TMessage> configurator)
        where TMessage : class =>
        _routes.AddConsumable(typeof(TMessage));
}
