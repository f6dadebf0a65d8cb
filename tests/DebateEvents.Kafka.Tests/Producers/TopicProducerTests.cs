using System.Text;
using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using DebateEvents.Embedded;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Producers;

[Trait("Category", "Integration")]
public sealed class TopicProducerTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 1 });
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Produce_ReturnsTheBrokersPartitionOffsetAndTimestamp_AndWritesCloudEventHeaders()
    {
        _cluster.CreateTopic(_topic, 3);
        await using var host = await RiderTestHost.Start(_cluster, output, new ProcessingLog(), (_, _) => { },
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        var producer = host.Producer<ArgumentMade>();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var first = await producer.Produce(new ArgumentMade("debate-1", 1, "first"));
        var second = await producer.Produce(new ArgumentMade("debate-1", 2, "second"));

        Assert.Equal(_topic, first.Topic);
        Assert.Equal(first.Partition, second.Partition);
        Assert.Equal(first.Offset + 1, second.Offset);
        var records = TopicReader.ReadAll(_cluster.BootstrapServers, _topic, 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, records.Count);
        var record = records.Single(r => r.Offset == first.Offset);
        Assert.Equal(first.Partition, record.Partition);
        // The receipt carries the broker's log-append time; the embedded cluster always reports 1234 ms there,
        // so check the create time actually stored instead.
        Assert.NotEqual(default, first.Timestamp);
        Assert.InRange(record.Timestamp.UtcDateTime, before.UtcDateTime, DateTime.UtcNow);
        Assert.Equal("debate-1", Encoding.UTF8.GetString(record.Key!));
        Assert.Equal(typeof(ArgumentMade).FullName, Header(record, CloudEventHeaders.Type));
        Assert.Equal("application/json", Header(record, CloudEventHeaders.ContentType));
        Assert.True(Guid.TryParse(Header(record, CloudEventHeaders.Id), out _));
        Assert.Contains("\"content\":\"first\"", Encoding.UTF8.GetString(record.Value), StringComparison.Ordinal);
    }

    public void Dispose() => _cluster.Dispose();

    private static string? Header(TopicRecord record, string name) =>
        record.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
