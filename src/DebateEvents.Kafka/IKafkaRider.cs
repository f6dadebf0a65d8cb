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

    /// <summary>
    /// Pauses every partition of the running topic endpoint named <paramref name="endpoint"/> (<c>kafka/{topic}/{group}</c>):
    /// its consumer stays in its group and keeps its partitions, but fetches nothing until <see cref="ResumeTopicEndpoint"/>;
    /// records already polled still finish. False when no such endpoint runs.
    /// </summary>
    bool PauseTopicEndpoint(string endpoint);

    /// <summary>Undoes <see cref="PauseTopicEndpoint"/>: the endpoint fetches again from where it stopped. False when no such endpoint runs.</summary>
    bool ResumeTopicEndpoint(string endpoint);

    /// <summary>Adds and starts a topic endpoint on the running bus; stop it through the returned handle.</summary>
    HostReceiveEndpointHandle ConnectTopicEndpoint(string topic, string groupId, Action<ITopicEndpointConfigurator> configure);
}
