using DebateEvents.Kafka.Provisioning;

namespace DebateEvents.Kafka.Configuration;

/// <summary>Configures the Kafka rider inside <c>r.UsingKafka((context, k) => ...)</c>.</summary>
public interface IKafkaRiderConfigurator
{
    /// <summary>The brokers to bootstrap from, and security and client settings.</summary>
    void Host(string bootstrapServers, Action<KafkaConnectionOptions>? configure = null);

    /// <summary>Every connection setting at once, from the description the other clients of the application use too.</summary>
    void Host(KafkaConnectionOptions connection);

    /// <summary>Settings of the shared producer (idempotence, acks, compression, linger, batch, breaker).</summary>
    void ConfigureProducer(Action<KafkaProducerOptions> configure);

    /// <summary>Creates topics for <c>CreateIfMissing</c> with <paramref name="provisioner"/> instead of the admin API.</summary>
    void UseTopicProvisioner(ITopicProvisioner provisioner);

    /// <summary>
    /// Creates topics for <c>CreateIfMissing</c> through a callback, for example an embedded cluster's
    /// <c>CreateTopic</c>; the callback must treat an existing topic as success.
    /// </summary>
    void UseTopicProvisioner(Func<TopicDefinition, CancellationToken, Task> create);

    /// <summary>
    /// Consumes <paramref name="topic"/> as group <paramref name="groupId"/> into a receive endpoint configured
    /// by <paramref name="configure"/> (consumers, retry, concurrency, topic creation, dead-letter behaviour).
    /// </summary>
    void TopicEndpoint(string topic, string groupId, Action<ITopicEndpointConfigurator> configure);
}
