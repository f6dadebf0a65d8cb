using DebateEvents.Embedded;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>One embedded cluster for the tests of a class that do not disturb brokers; each test uses its own topics and groups.</summary>
public sealed class ClusterFixture : IDisposable
{
    public EmbeddedKafkaCluster Cluster { get; } = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 1 });

    public void Dispose() => Cluster.Dispose();
}
