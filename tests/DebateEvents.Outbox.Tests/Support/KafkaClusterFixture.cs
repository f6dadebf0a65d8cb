using DebateEvents.Embedded;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>One embedded cluster per test class; every test uses its own topics.</summary>
public sealed class KafkaClusterFixture : IDisposable
{
    public EmbeddedKafkaCluster Cluster { get; } = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions());

    public string CreateTopic(string name)
    {
        var topic = Topics.Unique(name);
        Cluster.CreateTopic(topic, Topics.Partitions);
        return topic;
    }

    public void Dispose() => Cluster.Dispose();
}
