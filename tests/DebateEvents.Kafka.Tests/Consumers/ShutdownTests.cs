using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Consumers;

[Trait("Category", "Integration")]
public sealed class ShutdownTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    private const int Partitions = 2;
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task GracefulStop_FinishesInFlightRecords_AndCommitsExactlyWhatWasProcessed()
    {
        var log = new ProcessingLog { Delay = _ => TimeSpan.FromMilliseconds(150) };
        var host = await RiderTestHost.Start(fixture.Cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = Partitions);
                e.ConcurrentMessageLimit = 4;
                e.CommitInterval = TimeSpan.FromHours(1);
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        for (var i = 0; i < 40; i++)
        {
            await host.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i % 8}", i, "x"));
        }

        await Eventually.Until(() => log.Attempts.Count >= 6, TimeSpan.FromSeconds(10), () => $"only {log.Attempts.Count} records started");
        await host.DisposeAsync();

        Assert.Equal(log.Attempts.Count, log.Succeeded.Count);
        Assert.InRange(log.Succeeded.Count, 6, 39);
        var committed = TopicReader.Committed(fixture.Cluster.BootstrapServers, _group, _topic);
        for (var partition = 0; partition < Partitions; partition++)
        {
            var processed = log.Succeeded.Where(r => r.Partition == partition).Select(r => r.Offset).ToHashSet();
            var prefix = 0L;
            while (processed.Contains(prefix))
            {
                prefix++;
            }

            Assert.Equal(prefix == 0 ? -1001 : prefix, committed[partition]);
        }
    }

    [Fact]
    public async Task StopPastTheDrainTimeout_CancelsTheConsumer_AndItsRecordIsDeliveredAgainNotDeadLettered()
    {
        var log = new ProcessingLog { Delay = r => r.Key == "stuck" && r.Instance == "a" ? TimeSpan.FromMinutes(1) : TimeSpan.Zero };
        var first = await StartHost(log, "a");
        await first.Producer<ArgumentMade>().Produce(new ArgumentMade("stuck", 0, "never finishes on a"));
        await Eventually.Until(() => log.AttemptsOf("stuck", 0) == 1, TimeSpan.FromSeconds(10), () => "the record never started");

        // The consumer honours its ConsumeContext's token, which the endpoint cancels once the drain timeout has passed.
        await first.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Empty(log.Succeeded);
        Assert.Empty(TopicReader.ReadAll(fixture.Cluster.BootstrapServers, _topic + ".dead-letter", 1, TimeSpan.FromSeconds(1)));
        var stuckPartition = log.Attempts.Single().Partition;
        Assert.True(TopicReader.Committed(fixture.Cluster.BootstrapServers, _group, _topic)[stuckPartition] <= 0,
            "the cancelled record was committed");
        await using var second = await StartHost(log, "b");
        await Eventually.Until(() => log.Succeeded.Any(r => r.Key == "stuck" && r.Instance == "b"), TimeSpan.FromSeconds(15),
            () => "b never processed the record a was stopped in the middle of");
    }

    [Fact]
    public async Task GracefulStop_WithABacklog_WaitsOnlyForRunningRecords_AndARestartProcessesEveryRecordInKeyOrder()
    {
        const int Records = 160;
        const int Keys = 8;
        const int Workers = 4;
        var handling = TimeSpan.FromMilliseconds(500);
        var log = new ProcessingLog { Delay = r => r.Instance == "a" ? handling : TimeSpan.Zero };
        var first = await StartBacklogHost(log, "a", Workers);
        for (var i = 0; i < Records; i++)
        {
            await first.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i % Keys}", i, "x"));
        }

        await Eventually.Until(() => log.Attempts.Count >= 2 * Workers, TimeSpan.FromSeconds(10), () => $"only {log.Attempts.Count} records started");

        // Draining the whole backlog would take about Records / Workers * handling = 20 s; only the running records may be waited for.
        var stop = first.DisposeAsync().AsTask();
        await stop.WaitAsync(TimeSpan.FromSeconds(8));

        var processedByA = log.Succeeded.Count;
        Assert.Equal(log.Attempts.Count, processedByA);
        Assert.InRange(processedByA, 2 * Workers, Records / 2);
        var committed = TopicReader.Committed(fixture.Cluster.BootstrapServers, _group, _topic);
        foreach (var (partition, offset) in committed)
        {
            var offsets = log.Succeeded.Where(r => r.Partition == partition).Select(r => r.Offset).ToHashSet();
            Assert.All(Enumerable.Range(0, (int)Math.Max(offset, 0)), o => Assert.True(offsets.Contains(o), $"[{partition}]@{o} committed unprocessed"));
        }

        await using var second = await StartBacklogHost(log, "b", Workers);
        await Eventually.Until(() => log.Succeeded.Select(r => r.Sequence).Distinct().Count() == Records, TimeSpan.FromSeconds(30),
            () => $"never processed {string.Join(",", Enumerable.Range(0, Records).Except(log.Succeeded.Select(r => r.Sequence)).Take(20))}");
        foreach (var key in log.Succeeded.GroupBy(r => r.Key))
        {
            var firstSeen = key.OrderBy(r => r.At).Select(r => r.Sequence).Distinct();
            var expected = Enumerable.Range(0, Records).Where(i => $"debate-{i % Keys}" == key.Key);
            Assert.Equal(expected, firstSeen);
        }
    }

    private Task<RiderTestHost> StartBacklogHost(ProcessingLog log, string name, int workers) =>
        RiderTestHost.Start(fixture.Cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = Partitions);
                e.ConcurrentMessageLimit = workers;
                e.ConfigureKafkaConsumer(c => c.SessionTimeoutMs = 2000);
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            name,
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));

    private Task<RiderTestHost> StartHost(ProcessingLog log, string name) =>
        RiderTestHost.Start(fixture.Cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = Partitions);
                e.DrainTimeout = TimeSpan.FromMilliseconds(300);
                // The embedded cluster keeps a closed consumer in its group until the session times out.
                e.ConfigureKafkaConsumer(c => c.SessionTimeoutMs = 2000);
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            name,
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
}
