using System.Diagnostics;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Delivery;

[Trait("Category", "Integration")]
public sealed class PostgresInstancesTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task TwoDispatchers_OnPostgres_NeverSendARowConcurrently_AndLoseNothingWhenOneIsKilled()
    {
        var topic = kafka.CreateTopic("instances");
        var bootstrap = kafka.Cluster.BootstrapServers;
        var audit = new DeliveryAudit();
        await using var database = PostgresTestDatabase.Create();
        await using var a = await StartInstance(database, bootstrap, topic, "instance-a", audit);
        await using var b = await StartInstance(database, bootstrap, topic, "instance-b", audit);
        var leasesA = a.Dispatcher.Leases!;
        var leasesB = b.Dispatcher.Leases!;
        await Eventually.Until(() => leasesA.Owned.Count == 32 && leasesB.Owned.Count == 32, Deadline,
            () => $"buckets not split evenly: a={leasesA.Owned.Count}, b={leasesB.Owned.Count}");

        var keys = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToArray();
        await PublishRound(keys, a, b, firstSequence: 0, count: 8);
        await Eventually.Until(() => audit.Sends.Any(s => s.Instance == "instance-a") && audit.Sends.Any(s => s.Instance == "instance-b"),
            Deadline, () => "both instances should have sent rows");

        a.Dispatcher.SimulateCrash();
        audit.InstanceKilled("instance-a");
        await PublishRound(keys, b, b, firstSequence: 8, count: 8);

        await Eventually.Until(async () => await b.UndeliveredAsync() == 0, Deadline, () => "instance b did not deliver everything");
        Assert.Equal(64, leasesB.Owned.Count);
        var records = TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From).ToList();
        Assert.Equal(keys.Length * 16, records.Select(r => r.EventId).Distinct().Count());
        DeliveryOrderTests.AssertPerKeyOrder(records, expectedPerKey: 16, skipSequence: int.MinValue);
        AssertNoConcurrentSends(audit);
    }

    private static async Task PublishRound(Guid[] keys, OutboxTestHost first, OutboxTestHost second, int firstSequence, int count)
    {
        // Each key belongs to one publisher task, so its own order is well defined; tasks run on both hosts at once.
        await Task.WhenAll(keys.Chunk(5).Select((chunk, index) => Task.Run(async () =>
        {
            var host = index % 2 == 0 ? first : second;
            for (var sequence = firstSequence; sequence < firstSequence + count; sequence++)
            {
                foreach (var key in chunk)
                {
                    await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(key, "instances", sequence)));
                }
            }
        })));
    }

    private static void AssertNoConcurrentSends(DeliveryAudit audit)
    {
        foreach (var row in audit.Sends.GroupBy(s => s.Sequence))
        {
            var sends = row.OrderBy(s => s.Start).ToList();
            for (var i = 1; i < sends.Count; i++)
            {
                var overlap = sends[i].Instance != sends[i - 1].Instance && sends[i].Start < sends[i - 1].End;
                Assert.False(overlap, $"row {row.Key} was sent by {sends[i - 1].Instance} and {sends[i].Instance} at the same time "
                    + $"({Stopwatch.GetElapsedTime(sends[i].Start, sends[i - 1].End).TotalMilliseconds:0} ms overlap)");
            }
        }
    }

    private static Task<OutboxTestHost> StartInstance(TestDatabase database, string bootstrap, string topic, string instance, DeliveryAudit audit) =>
        OutboxTestHost.StartAsync(database, bootstrap, topic, o =>
        {
            o.InstanceId = instance;
            o.BatchSize = 50;
        }, services => services.AddSingleton<IOutboxDeliveryObserver>(audit));
}
