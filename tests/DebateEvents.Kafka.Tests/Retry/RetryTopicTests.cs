using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Retry;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Retry;

[Trait("Category", "Integration")]
public sealed class RetryTopicTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task FailedRecord_IsRetriedFromTheRetryTopicAfterTheDelay_WhileOtherKeysFlowAndItsKeyKeepsOrder()
    {
        var delay = TimeSpan.FromSeconds(1.5);
        var log = new ProcessingLog { Fail = (r, attempt) => r.Key == "slow" && r.Sequence == 0 && attempt == 1 };
        await using var host = await RiderTestHost.Start(fixture.Cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 2);
                e.ConcurrentMessageLimit = 4;
                e.UseRetryTopic(delay);
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        var producer = host.Producer<ArgumentMade>();

        await producer.Produce(new ArgumentMade("slow", 0, "fails once"));
        await Eventually.Until(() => log.AttemptsOf("slow", 0) == 1, TimeSpan.FromSeconds(10), () => "the first attempt never happened");
        var firstAttempt = log.Attempts.Single(a => a.Key == "slow").At;
        var produced = Enumerable.Range(1, 20).Select(i => producer.Produce(new ArgumentMade($"fast-{i}", i, "flows")))
            .Append(producer.Produce(new ArgumentMade("slow", 21, "must wait for #0")));
        await Task.WhenAll(produced);
        Assert.True(DateTimeOffset.UtcNow - firstAttempt < delay, "producing took longer than the retry delay; the test proves nothing");
        await Eventually.Until(() => log.Succeeded.Count == 22, TimeSpan.FromSeconds(15), () => $"{log.Succeeded.Count} of 22 processed");

        var retried = log.Succeeded.Single(r => r.Sequence == 0);
        var later = log.Succeeded.Single(r => r.Sequence == 21);
        Assert.Equal(TopicNames.Retry(_topic), retried.Topic);
        Assert.True(retried.At - firstAttempt >= delay - TimeSpan.FromMilliseconds(50),
            $"retried after {(retried.At - firstAttempt).TotalMilliseconds} ms, before the {delay.TotalMilliseconds} ms delay");
        Assert.All(log.Succeeded.Where(r => r.Key.StartsWith("fast-", StringComparison.Ordinal)),
            r => Assert.True(r.At < retried.At, $"{r.Key} waited for the retry of another key"));
        Assert.True(later.At > retried.At, "slow#21 overtook slow#0 while #0 waited in the retry topic");
        Assert.Equal(2, log.AttemptsOf("slow", 0));
        var original = log.Attempts.First(a => a.Key == "slow");
        // slow#21 either waited in its key's lane behind the polled retry record, or (if it was polled first)
        // was held back through the retry topic as attempt 0; either way it ran after slow#0.
        var retryRecords = TopicReader.ReadAll(fixture.Cluster.BootstrapServers, TopicNames.Retry(_topic), 2, TimeSpan.FromSeconds(2));
        var retryRecord = Assert.Single(retryRecords, r => r.Header(RetryTopicHeaders.Attempt) == "1");
        Assert.All(retryRecords.Where(r => r != retryRecord), r => Assert.Equal("0", r.Header(RetryTopicHeaders.Attempt)));
        Assert.Equal($"{_topic}/{original.Partition}/{original.Offset}", retryRecord.Header(RetryTopicHeaders.Origin));
    }

    [Fact]
    public async Task NewOwnerOfAPartition_HoldsBackAKeyWhoseRecordWaitsInTheRetryTopic()
    {
        var delay = TimeSpan.FromSeconds(8);
        var log = new ProcessingLog { Fail = (r, attempt) => r.Key == "slow" && r.Sequence == 0 && attempt == 1 };
        void Endpoint(IRiderRegistrationContext context, IKafkaRiderConfigurator k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 2);
                e.UseRetryTopic(delay);
                e.CommitInterval = TimeSpan.FromMilliseconds(100);
                e.ConfigureKafkaConsumer(c =>
                {
                    c.SessionTimeoutMs = 2000;
                    c.HeartbeatIntervalMs = 300;
                });
                e.ConfigureConsumer<ArgumentConsumer>(context);
            });

        var first = await RiderTestHost.Start(fixture.Cluster, output, log, Endpoint,
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        await first.Producer<ArgumentMade>().Produce(new ArgumentMade("slow", 0, "fails once, then waits in the retry topic"));
        await Eventually.Until(() => TopicReader.ReadAll(fixture.Cluster.BootstrapServers, TopicNames.Retry(_topic), 2, TimeSpan.FromMilliseconds(300)).Count == 1,
            TimeSpan.FromSeconds(10), () => "slow#0 never reached the retry topic");
        // Its offset in the main topic is committed before anyone else joins, so only the retry topic knows of it.
        await Eventually.Until(() => TopicReader.Committed(fixture.Cluster.BootstrapServers, _group, _topic).Values.Contains(1),
            TimeSpan.FromSeconds(10), () => "slow#0's main-topic offset was never committed");

        // A second instance joins, then the first one leaves: the second owns every partition, and knows of
        // slow#0 only from the retry topic itself (the first instance's memory of it is gone).
        await using var second = await RiderTestHost.Start(fixture.Cluster, output, log, Endpoint, name: "b",
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        await first.DisposeAsync();
        await second.Producer<ArgumentMade>().Produce(new ArgumentMade("slow", 1, "must wait for #0"));
        var firstAttempt = log.Attempts.First(a => a.Key == "slow").At;
        Assert.True(DateTimeOffset.UtcNow - firstAttempt < delay, "slow#0 was due before slow#1 arrived; the test proves nothing");
        await Eventually.Until(() => log.Succeeded.Any(r => r.Key == "slow" && r.Sequence == 1), TimeSpan.FromSeconds(20),
            () => "slow#1 was never processed");

        // At-least-once: a rebalance may run a record twice; what matters is which ran first.
        Assert.Equal([0, 1], log.Succeeded.Where(r => r.Key == "slow").OrderBy(r => r.At).Select(r => r.Sequence).Distinct());
    }
}
