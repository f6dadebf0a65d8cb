using DebateEvents.Embedded;

namespace DebateEvents.Testing;

/// <summary>
/// One embedded Kafka cluster for a test class (xunit's <c>IClassFixture&lt;KafkaClusterFixture&gt;</c>, NUnit's
/// <c>OneTimeSetUp</c>); each test then creates its own topics with <see cref="CreateTopic"/>.
/// </summary>
public sealed class KafkaClusterFixture : IDisposable
{
    /// <summary>The cluster; its <see cref="EmbeddedKafkaCluster.BootstrapServers"/> go to any Kafka client.</summary>
    public EmbeddedKafkaCluster Cluster { get; } = EmbeddedKafkaCluster.Start();

    /// <summary>Creates a topic named <paramref name="prefix"/> plus a fresh GUID and returns the name.</summary>
    public string CreateTopic(string prefix, int partitions = 3)
    {
        var topic = UniqueNames.For(prefix);
        Cluster.CreateTopic(topic, partitions);
        return topic;
    }

    /// <summary>Stops the cluster; its records are gone.</summary>
    public void Dispose() => Cluster.Dispose();
}
