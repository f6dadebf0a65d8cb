using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace DebateEvents.Embedded.Tests;

/// <summary>The embedded cluster's documented limits, measured against the librdkafka this build loads.</summary>
[Trait("Category", "Integration")]
public sealed class EmbeddedClusterLimitsTests : IDisposable
{
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start();

    public void Dispose() => _cluster.Dispose();

    [Fact]
    public async Task AdminCreateTopics_IsNotAnsweredByTheMock()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _cluster.BootstrapServers }).Build();
        var topic = UniqueNames.For("admin-created");

        var error = await Record.ExceptionAsync(() => admin.CreateTopicsAsync(
            [new TopicSpecification { Name = topic, NumPartitions = 2, ReplicationFactor = 1 }],
            new CreateTopicsOptions { RequestTimeout = TimeSpan.FromSeconds(3), OperationTimeout = TimeSpan.FromSeconds(3) }));

        var kafkaError = Assert.IsAssignableFrom<KafkaException>(error);
        Assert.Contains("controller", kafkaError.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Partition_KeepsOnlyItsNewestFiveMegabytes()
    {
        var topic = UniqueNames.For("capped");
        _cluster.CreateTopic(topic, partitions: 1);
        using var producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig
        {
            BootstrapServers = _cluster.BootstrapServers,
            LingerMs = 0,
            BatchNumMessages = 1,
        }).Build();
        var value = new byte[100_000];

        for (var i = 0; i < 80; i++)
        {
            await producer.ProduceAsync(topic, new Message<Null, byte[]> { Value = value });
        }

        using var consumer = KafkaClients.Consumer(_cluster, UniqueNames.For("group"));
        var marks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, 0), TimeSpan.FromSeconds(5));
        Assert.Equal(80, marks.High.Value);
        // 80 records of 100 kB: only the newest ~5 MB (about 50 message sets) stay readable.
        Assert.InRange(marks.Low.Value, 25, 35);
    }
}
