using System.Text;
using Confluent.Kafka;
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

    [Fact]
    public async Task Produce_WhenTheBrokerRejectsTheRecord_ThrowsProduceExceptionWithTheRecordAsSent_AndOpensTheBreaker()
    {
        _cluster.CreateTopic(_topic, 1);
        _cluster.SetTopicError(_topic, ErrorCode.TopicAuthorizationFailed);
        await using var host = await RiderTestHost.Start(_cluster, output, new ProcessingLog(), (_, k) => k.ConfigureProducer(p =>
            {
                p.DeliveryTimeout = TimeSpan.FromSeconds(5);
                p.CircuitBreakerThreshold = 2;
                p.CircuitBreakDuration = TimeSpan.FromMinutes(1);
            }),
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        var producer = host.Producer<ArgumentMade>();

        var first = await Assert.ThrowsAsync<ProduceException<byte[]?, byte[]>>(() => producer.Produce(new ArgumentMade("debate-1", 1, "rejected")));
        await Assert.ThrowsAsync<ProduceException<byte[]?, byte[]>>(() => producer.Produce(new ArgumentMade("debate-1", 2, "rejected too")));
        var open = await Assert.ThrowsAsync<ProducerCircuitOpenException>(() => producer.Produce(new ArgumentMade("debate-1", 3, "not sent")));

        Assert.Equal(ErrorCode.TopicAuthorizationFailed, first.Error.Code);
        // The exception holds the record as it was sent: key, body and headers.
        var sent = first.DeliveryResult.Message;
        Assert.Equal("debate-1", Encoding.UTF8.GetString(sent.Key!));
        Assert.Contains("\"content\":\"rejected\"", Encoding.UTF8.GetString(sent.Value), StringComparison.Ordinal);
        Assert.Equal(typeof(ArgumentMade).FullName, Encoding.UTF8.GetString(sent.Headers.GetLastBytes(CloudEventHeaders.Type)));
        Assert.Equal(_topic, first.DeliveryResult.Topic);
        Assert.Contains(_topic, open.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Produce_WhenTheCallerCancels_StopsWaiting_ButTheRecordIsStillDelivered()
    {
        _cluster.CreateTopic(_topic, 1);
        await using var host = await RiderTestHost.Start(_cluster, output, new ProcessingLog(), (_, _) => { },
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        var producer = host.Producer<ArgumentMade>();
        await producer.Produce(new ArgumentMade("debate-1", 1, "connects the producer"));
        _cluster.SetBrokerRoundTripTime(1, TimeSpan.FromSeconds(3));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var sending = producer.Produce(new ArgumentMade("debate-1", 2, "sent anyway"), cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.True(sending.IsCanceled);
        _cluster.SetBrokerRoundTripTime(1, TimeSpan.Zero);
        var records = TopicReader.ReadAll(_cluster.BootstrapServers, _topic, 2, TimeSpan.FromSeconds(20));
        Assert.Contains(records, r => Encoding.UTF8.GetString(r.Value).Contains("\"content\":\"sent anyway\"", StringComparison.Ordinal));
    }

    public void Dispose() => _cluster.Dispose();

    private static string? Header(TopicRecord record, string name) =>
        record.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
