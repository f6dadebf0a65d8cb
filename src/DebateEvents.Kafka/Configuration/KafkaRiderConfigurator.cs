using DebateEvents.Kafka.Provisioning;

namespace DebateEvents.Kafka.Configuration;

/// <summary>Collects the rider's configuration while the bus is being created.</summary>
internal sealed class KafkaRiderConfigurator : IKafkaRiderConfigurator
{
    private readonly List<TopicEndpointDefinition> _endpoints = [];

    public KafkaConnectionOptions Connection { get; } = new() { BootstrapServers = "localhost:9092" };

    public KafkaProducerOptions ProducerOptions { get; } = new();

    public ITopicProvisioner? Provisioner { get; private set; }

    public IReadOnlyList<TopicEndpointDefinition> Endpoints => _endpoints;

    public void Host(string bootstrapServers, Action<KafkaConnectionOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        Connection.BootstrapServers = bootstrapServers;
        configure?.Invoke(Connection);
    }

    public void Host(KafkaConnectionOptions connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection.BootstrapServers);
        Connection.CopyFrom(connection);
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
