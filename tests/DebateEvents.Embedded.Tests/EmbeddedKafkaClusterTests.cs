using Confluent.Kafka;

namespace DebateEvents.Embedded.Tests;

[Trait("Category", "Integration")]
public sealed class EmbeddedKafkaClusterTests : IDisposable
{
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start();

    public void Dispose() => _cluster.Dispose();

    [Fact]
    public void Start_ReportsLoopbackBootstrapServers()
    {
        using var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 3 });

        var servers = cluster.BootstrapServers.Split(',');

        Assert.Equal(3, servers.Length);
        Assert.All(servers, s => Assert.StartsWith("127.0.0.1:", s, StringComparison.Ordinal));
        Assert.Equal(3, cluster.Brokers);
    }

    [Fact]
    public async Task IdempotentProducer_RecordsArriveInOrderWithTheirOffsets()
    {
        var topic = UniqueNames.For("produce");
        _cluster.CreateTopic(topic, partitions: 1);
        using var producer = KafkaClients.Producer(_cluster);

        var reports = new List<DeliveryResult<string, string>>();
        for (var i = 0; i < 50; i++)
        {
            reports.Add(await producer.ProduceAsync(topic, new Message<string, string> { Key = "debate-1", Value = $"argument-{i}" }));
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), reports.Select(r => r.Offset.Value));
        using var consumer = KafkaClients.Consumer(_cluster, UniqueNames.For("group"));
        consumer.Subscribe(topic);
        var records = KafkaClients.Take(consumer, 50, TimeSpan.FromSeconds(15));
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"argument-{i}"), records.Select(r => r.Message.Value));
        Assert.All(records, r => Assert.Equal("debate-1", r.Message.Key));
    }

    [Fact]
    public void CreateTopic_WithPartitions_MetadataReportsThem()
    {
        var topic = UniqueNames.For("partitions");
        _cluster.CreateTopic(topic, partitions: 6);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = _cluster.BootstrapServers }).Build();

        var metadata = admin.GetMetadata(topic, TimeSpan.FromSeconds(10));

        Assert.Equal(6, metadata.Topics.Single().Partitions.Count);
    }

    [Fact]
    public void CreateTopic_Twice_ThrowsNamingTheTopic()
    {
        var topic = UniqueNames.For("twice");
        _cluster.CreateTopic(topic);

        var error = Assert.Throws<KafkaException>(() => _cluster.CreateTopic(topic));

        Assert.Contains(topic, error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCode.TopicAlreadyExists, error.Error.Code);
    }

    [Fact]
    public async Task ConsumerGroup_RestartedConsumer_ResumesAfterCommittedOffset()
    {
        var topic = UniqueNames.For("resume");
        var group = UniqueNames.For("group");
        _cluster.CreateTopic(topic, partitions: 1);
        using var producer = KafkaClients.Producer(_cluster);
        for (var i = 0; i < 20; i++)
        {
            await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = i.ToString() });
        }

        using (var first = KafkaClients.Consumer(_cluster, group))
        {
            first.Subscribe(topic);
            var firstTen = KafkaClients.Take(first, 10, TimeSpan.FromSeconds(15));
            first.Commit(firstTen[^1]);
            first.Close();
        }

        using var second = KafkaClients.Consumer(_cluster, group);
        second.Subscribe(topic);
        var rest = KafkaClients.Take(second, 10, TimeSpan.FromSeconds(15));

        Assert.Equal(Enumerable.Range(10, 10).Select(i => (long)i), rest.Select(r => r.Offset.Value));
        Assert.Equal(Enumerable.Range(10, 10).Select(i => i.ToString()), rest.Select(r => r.Message.Value));
    }

    [Fact]
    public async Task BrokerDown_ProducerSeesOutage_AndDeliversAfterBrokerIsUp()
    {
        var topic = UniqueNames.For("outage");
        _cluster.CreateTopic(topic, partitions: 1);
        using var producer = KafkaClients.Producer(_cluster);
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "before" });

        _cluster.SetBrokerDown(1);
        var during = producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "during" });
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(during.IsCompleted, "A produce while the only broker is down must not be acknowledged.");

        _cluster.SetBrokerUp(1);
        var report = await during.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(PersistenceStatus.Persisted, report.Status);
        Assert.Equal(1, report.Offset.Value);
    }

    [Fact]
    public async Task PushRequestErrors_NonRetriableProduceError_ReachesTheProducer()
    {
        var topic = UniqueNames.For("errors");
        _cluster.CreateTopic(topic, partitions: 1);
        using var producer = KafkaClients.Producer(_cluster, idempotent: false);
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "warm-up" });

        _cluster.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.MsgSizeTooLarge);
        var error = await Assert.ThrowsAsync<ProduceException<string, string>>(
            () => producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "rejected" }));

        Assert.Equal(ErrorCode.MsgSizeTooLarge, error.Error.Code);
        var next = await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "accepted" });
        Assert.Equal(PersistenceStatus.Persisted, next.Status);
    }

    [Fact]
    public async Task BrokerRoundTripTime_DelaysAcknowledgements()
    {
        var topic = UniqueNames.For("latency");
        _cluster.CreateTopic(topic, partitions: 1);
        using var producer = KafkaClients.Producer(_cluster);
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "warm-up" });

        _cluster.SetBrokerRoundTripTime(1, TimeSpan.FromMilliseconds(400));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await producer.ProduceAsync(topic, new Message<string, string> { Key = "k", Value = "slow" });
        var slow = watch.Elapsed;
        _cluster.SetBrokerRoundTripTime(1, TimeSpan.Zero);

        Assert.True(slow >= TimeSpan.FromMilliseconds(350), $"Acknowledgement took {slow.TotalMilliseconds} ms, expected the injected 400 ms.");
    }

    [Fact]
    public void Dispose_Twice_IsHarmless_AndLaterCallsThrowObjectDisposed()
    {
        var cluster = EmbeddedKafkaCluster.Start();
        cluster.Dispose();
        cluster.Dispose();

        Assert.Throws<ObjectDisposedException>(() => cluster.CreateTopic("after-dispose"));
    }
}
