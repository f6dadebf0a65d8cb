using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Consumers;

[Trait("Category", "Integration")]
public sealed class ShutdownTests(ClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ClusterFixture>
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
        var committed = KafkaProbe.Committed(fixture.Cluster.BootstrapServers, _group, _topic, Partitions);
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
}
