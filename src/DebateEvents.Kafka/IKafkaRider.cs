using DebateEvents.Kafka.Configuration;
using MassTransit;
using MassTransit.Transports;

namespace DebateEvents.Kafka;

/// <summary>
/// The Kafka rider attached to the bus by <c>r.UsingKafka(...)</c>. Resolve it from the container to get
/// producers or to connect topic endpoints after the bus started.
/// </summary>
public interface IKafkaRider : IRider
{
    /// <summary>The producer of <typeparamref name="T"/>, routed by <c>r.AddProducer&lt;T&gt;</c>.</summary>
    /// <exception cref="InvalidOperationException">No topic is routed for <typeparamref name="T"/>.</exception>
    ITopicProducer<T> GetProducer<T>()
        where T : class;

    /// <summary>Sends prebuilt records, for example those stored by the outbox.</summary>
    IEventRecordProducer RecordProducer { get; }

    /// <summary>Adds and starts a topic endpoint on the running bus; stop it through the returned handle.</summary>
    HostReceiveEndpointHandle ConnectTopicEndpoint(string topic, string groupId, Action<ITopicEndpointConfigurator> configure);
}
