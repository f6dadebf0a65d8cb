using MassTransit;
using MassTransit.Configuration;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Receive endpoint context of a topic endpoint. Publishes from consumers go through the bus the rider is
/// attached to, as with any rider endpoint; so do sends, except to a <see cref="KafkaTopicAddress"/> (a request's
/// reply topic among them), which the rider produces to Kafka.
/// </summary>
internal sealed class TopicReceiveEndpointContext : BaseReceiveEndpointContext
{
    private readonly IBusInstance _busInstance;
    private readonly KafkaEventRouting _routing;
    private readonly IEventRecordProducer _producer;

    public TopicReceiveEndpointContext(IBusInstance busInstance, IReceiveEndpointConfiguration configuration, string topic, string groupId,
        KafkaEventRouting routing, IEventRecordProducer producer)
        : base(busInstance.HostConfiguration, configuration)
    {
        _busInstance = busInstance;
        _routing = routing;
        _producer = producer;
        Topic = topic;
        GroupId = groupId;
    }

    public string Topic { get; }

    /// <summary>The bus's host configuration, whose receive log context records run under.</summary>
    public IHostConfiguration HostConfiguration => _busInstance.HostConfiguration;

    public string GroupId { get; }

    public override void AddSendAgent(IAgent agent)
    {
    }

    public override void AddConsumeAgent(IAgent agent)
    {
    }

    public override Exception ConvertException(Exception exception, string message) =>
        new MassTransitException($"{message} (Kafka topic {Topic}, group {GroupId})", exception);

    public override void Probe(ProbeContext context)
    {
        context.Add("type", "kafka");
        context.Add("topic", Topic);
        context.Add("group", GroupId);
    }

    protected override ISendTransportProvider CreateSendTransportProvider() =>
        throw new NotSupportedException("A Kafka topic endpoint sends through its bus.");

    protected override IPublishTransportProvider CreatePublishTransportProvider() =>
        throw new NotSupportedException("A Kafka topic endpoint publishes through its bus.");

    protected override IPublishEndpointProvider CreatePublishEndpointProvider() => _busInstance.Bus;

    protected override ISendEndpointProvider CreateSendEndpointProvider() =>
        new Producers.TopicSendEndpointProvider(_busInstance.Bus, _routing, _producer);
}
