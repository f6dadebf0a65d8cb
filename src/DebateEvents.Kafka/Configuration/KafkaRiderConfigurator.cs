using DebateEvents.Kafka.Provisioning;

namespace DebateEvents.Kafka.Configuration;

/// <summary>Collects the rider's configuration while the bus is being created.</summary>
internal sealed class KafkaRiderConfigurator : IKafkaRiderConfigurator
{
    private readonly List<TopicEndpointDefinition> _endpoints = [];

    public string BootstrapServers { get; private set; } = "localhost:9092";

    public KafkaHostOptions HostOptions { get; } = new();

    public KafkaProducerOptions ProducerOptions { get; } = new();

    public ITopicProvisioner? Provisioner { get; private set; }

    public IReadOnlyList<TopicEndpointDefinition> Endpoints => _endpoints;

    public void Host(string bootstrapServers, Action<KafkaHostOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        BootstrapServers = bootstrapServers;
        configure?.Invoke(HostOptions);
    }

    public void ConfigureProducer(Action<KafkaProducerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(ProducerOptions);
    }

    public void UseTopicProvisioner(ITopicProvisioner provisioner)
    {
        ArgumentNullException.ThrowIfNull(provisioner);
        Provisioner = provisioner;
    }

    public void UseTopicProvisioner(Func<TopicDefinition, CancellationToken, Task> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Provisioner = new DelegateTopicProvisioner(create);
    }

    public void TopicEndpoint(string topic, string groupId, Action<ITopicEndpointConfigurator> configure)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        ArgumentNullException.ThrowIfNull(configure);
        _endpoints.Add(new TopicEndpointDefinition(topic, groupId, configure));
    }
}
