using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using DebateEvents.Embedded;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Consumers;

[Trait("Category", "Integration")]
public sealed class FailureRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Partitions = 4;
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 1 });
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task BrokerOutageMidStream_LosesNoRecord()
    {
        var log = new ProcessingLog();
        await using var host = await StartHost(log, "a", TimeSpan.FromMilliseconds(100));
        var producer = host.Producer<ArgumentMade>();
        for (var i = 0; i < 100; i++)
        {
            await producer.Produce(new ArgumentMade($"debate-{i % 10}", i, "before"));
        }

        await Eventually.Until(() => log.Succeeded.Count >= 50, TimeSpan.FromSeconds(20), () => $"only {log.Succeeded.Count} of the first 50 processed");
        _cluster.SetBrokerDown(1);
        var during = Enumerable.Range(100, 100).Select(i => producer.Produce(new ArgumentMade($"debate-{i % 10}", i, "during"))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.All(during, t => Assert.False(t.IsCompletedSuccessfully, "a record was acknowledged while the only broker was down"));
        _cluster.SetBrokerUp(1);
        await Task.WhenAll(during);

        await Eventually.Until(() => log.Succeeded.Select(r => r.Sequence).Distinct().Count() == 200, TimeSpan.FromSeconds(30),
            () => $"missing {string.Join(",", Enumerable.Range(0, 200).Except(log.Succeeded.Select(r => r.Sequence)).Take(20))}");
        AssertPerKeyOrder(log);
    }

    [Fact]
    public async Task StopDuringABrokerOutage_DoesNotWaitForTheCoordinator_AndCommitsNothing()
    {
        var log = new ProcessingLog();
        var host = await RiderTestHost.StartArguments(_cluster, output, log, _topic, _group, Partitions, e =>
        {
            e.CommitInterval = TimeSpan.FromHours(1);
            e.ConfigureKafkaConsumer(c =>
            {
                c.SessionTimeoutMs = 20_000;
                c.HeartbeatIntervalMs = 1_000;
            });
        });
        for (var i = 0; i < 20; i++)
        {
            await host.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i % 5}", i, "before the outage"));
        }

        await Eventually.Until(() => log.Succeeded.Count == 20, TimeSpan.FromSeconds(20), () => $"only {log.Succeeded.Count} of 20 processed");
        _cluster.SetBrokerDown(1);

        // A commit or a group leave would wait for the coordinator up to the session timeout (20 s here) before failing.
        await host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(12));
        _cluster.SetBrokerUp(1);

        // Nothing committed: the group's next member starts from the beginning, and the inbox absorbs the repeats.
        Assert.All(TopicReader.Committed(_cluster.BootstrapServers, _group, _topic).Values, offset => Assert.True(offset < 0, $"committed {offset}"));
    }

    [Fact]
    public async Task ConsumerKilledWithoutCommit_RestartedInstanceProcessesEverythingFromTheCommittedOffsets()
    {
        var log = new ProcessingLog { Delay = _ => TimeSpan.FromMilliseconds(5) };
        var first = await StartHost(log, "a", TimeSpan.FromMilliseconds(200));
        for (var i = 0; i < 200; i++)
        {
            await first.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i % 16}", i, "x"));
        }

        await Eventually.Until(() => log.Succeeded.Count >= 60, TimeSpan.FromSeconds(20), () => $"only {log.Succeeded.Count} processed before the crash");
        await first.Crash();
        var committed = TopicReader.Committed(_cluster.BootstrapServers, _group, _topic);
        var crashedAfter = log.Succeeded.Count;
        await first.DisposeAsync();

        Assert.InRange(crashedAfter, 60, 199);
        var ends = TopicReader.HighWatermarks(_cluster.BootstrapServers, _topic);

        // b must process every offset from the committed one to the end, including records a had already
        // finished past its watermark: wait for all of them, not just for every sequence to have been seen once.
        await using var second = await StartHost(log, "b", TimeSpan.FromMilliseconds(200));
        await Eventually.Until(() => ends.All(e => MissedByB(log, e.Key, Math.Max(committed[e.Key], 0), e.Value).Count == 0), TimeSpan.FromSeconds(30),
            () => string.Join("; ", ends.Select(e =>
                $"[{e.Key}] committed {committed[e.Key]}, end {e.Value}: b has not processed {Ranges(MissedByB(log, e.Key, Math.Max(committed[e.Key], 0), e.Value))}")));

        Assert.Equal(200, log.Succeeded.Select(r => r.Sequence).Distinct().Count());
        foreach (var (partition, _) in ends)
        {
            var processedByA = log.Succeeded.Where(r => r.Instance == "a" && r.Partition == partition).Select(r => r.Offset).ToHashSet();
            for (var offset = 0L; offset < committed[partition]; offset++)
            {
                Assert.True(processedByA.Contains(offset), $"{_topic}[{partition}]@{offset} was committed by a without being processed");
            }
        }
    }

    [Fact]
    public async Task SecondInstanceJoiningMidStream_SharesThePartitions_AndEveryRecordIsProcessedInKeyOrder()
    {
        var log = new ProcessingLog { Delay = _ => TimeSpan.FromMilliseconds(5) };
        await using var first = await StartHost(log, "a", TimeSpan.FromMilliseconds(100));
        for (var i = 0; i < 150; i++)
        {
            await first.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i % 24}", i, "x"));
        }

        await Eventually.Until(() => log.Succeeded.Count >= 40, TimeSpan.FromSeconds(20), () => $"only {log.Succeeded.Count} processed before b joined");
        await using var second = await StartHost(log, "b", TimeSpan.FromMilliseconds(100));
        for (var i = 150; i < 300; i++)
        {
            await first.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i % 24}", i, "x"));
        }

        await Eventually.Until(() => log.Succeeded.Select(r => r.Sequence).Distinct().Count() == 300, TimeSpan.FromSeconds(30),
            () => $"missing {string.Join(",", Enumerable.Range(0, 300).Except(log.Succeeded.Select(r => r.Sequence)).Take(20))}");

        var secondBatch = log.Succeeded.Where(r => r.Sequence >= 150).ToList();
        Assert.Contains(secondBatch, r => r.Instance == "a");
        Assert.Contains(secondBatch, r => r.Instance == "b");
        AssertPerKeyOrder(log);
    }

    public void Dispose() => _cluster.Dispose();

    private static List<long> MissedByB(ProcessingLog log, int partition, long from, long end)
    {
        var processed = log.Succeeded.Where(r => r.Instance == "b" && r.Partition == partition).Select(r => r.Offset).ToHashSet();
        var missed = new List<long>();
        for (var offset = from; offset < end; offset++)
        {
            if (!processed.Contains(offset))
            {
                missed.Add(offset);
            }
        }

        return missed;
    }

    /// <summary>Offsets as runs, such as "0-59, 61-80", for a failure message that shows what is missing.</summary>
    private static string Ranges(IEnumerable<long> offsets)
    {
        var runs = new List<string>();
        long? start = null, last = null;
        foreach (var offset in offsets.Order())
        {
            if (last is not null && offset != last + 1)
            {
                runs.Add($"{start}-{last}");
                start = null;
            }

            start ??= offset;
            last = offset;
        }

        if (start is not null)
        {
            runs.Add($"{start}-{last}");
        }

        return runs.Count == 0 ? "nothing" : string.Join(", ", runs);
    }

    private static void AssertPerKeyOrder(ProcessingLog log)
    {
        foreach (var key in log.Succeeded.GroupBy(r => r.Key))
        {
            var firstSeen = key.OrderBy(r => r.At).Select(r => r.Sequence).Distinct().ToList();
            Assert.Equal(firstSeen.Order(), firstSeen);
        }
    }

    private Task<RiderTestHost> StartHost(ProcessingLog log, string name, TimeSpan commitInterval) =>
        RiderTestHost.StartArguments(_cluster, output, log, _topic, _group, Partitions, e =>
        {
            e.ConcurrentMessageLimit = 8;
            e.CommitInterval = commitInterval;
            e.ConfigureKafkaConsumer(c =>
            {
                c.SessionTimeoutMs = 2000;
                c.HeartbeatIntervalMs = 300;
            });
        }, name);
}
