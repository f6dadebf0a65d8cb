using System.Collections.Concurrent;
using DebateEvents.Kafka.Routing;
using MassTransit;

namespace DebateEvents.Kafka.Producers;

/// <summary>
/// The send endpoint provider of a topic endpoint's receive context: a <see cref="KafkaTopicAddress"/> gets a
/// <see cref="TopicSendEndpoint"/> producing to that topic through the rider's producer; every other address
/// falls through to the bus the rider is attached to, as before.
/// </summary>
internal sealed class TopicSendEndpointProvider : ISendEndpointProvider
{
    private readonly ISendEndpointProvider _bus;
    private readonly Lazy<EventRecordBuilder> _builder;
    private readonly IEventRecordProducer _producer;
    private readonly ConcurrentDictionary<string, TopicSendEndpoint> _endpoints = new(StringComparer.Ordinal);

    public TopicSendEndpointProvider(ISendEndpointProvider bus, KafkaEventRouting routing, IEventRecordProducer producer)
    {
        _bus = bus;
        _builder = new Lazy<EventRecordBuilder>(routing.CreateRecordBuilder);
        _producer = producer;
    }

    public Task<ISendEndpoint> GetSendEndpoint(Uri address) =>
        KafkaTopicAddress.TryGetTopic(address, out var topic)
            ? Task.FromResult<ISendEndpoint>(_endpoints.GetOrAdd(topic, t => new TopicSendEndpoint(t, _builder.Value, _producer)))
            : _bus.GetSendEndpoint(address);

    public ConnectHandle ConnectSendObserver(ISendObserver observer) => _bus.ConnectSendObserver(observer);
}
