using System.Text.Json;
using DebateEvents.Outbox.Diagnostics;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Outbox.Tests.Delivery;

[Trait("Category", "Integration")]
public sealed class DeliveryOrderTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Dispatcher_WhenBrokerIsDown_BacklogGrowsHealthDegradesThenDrainsInOrder()
    {
        var topic = kafka.CreateTopic("outage");
        var bootstrap = kafka.Cluster.BootstrapServers;
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, bootstrap, topic);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var metrics = host.Services.GetRequiredService<OutboxMetrics>();
        var keys = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(keys[0], "warm-up", -1)));
        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "warm-up event not delivered");

        kafka.Cluster.SetBrokerDown(1);
        try
        {
            for (var i = 0; i < 30; i++)
            {
                await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(keys[i % 3], $"Q{i}", i)));
            }

            await Eventually.Until(() => metrics.Backlog == 30, Deadline, () => $"backlog gauge at {metrics.Backlog}, expected 30");
            await Eventually.Until(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Degraded, Deadline,
                () => "health never reported Degraded while the broker was down");
            Assert.Equal(30, await host.UndeliveredAsync());
        }
        finally
        {
            kafka.Cluster.SetBrokerUp(1);
        }

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "backlog did not drain after the broker came back");
        await Eventually.Until(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Healthy, Deadline,
            () => "health did not recover");
        AssertPerKeyOrder(TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From).ToList(), expectedPerKey: 10, skipSequence: -1);
    }

    [Fact]
    public async Task Dispatcher_WithManyKeysAndConcurrentPublishers_KeepsEveryKeyInOrder()
    {
        var topic = kafka.CreateTopic("order");
        var bootstrap = kafka.Cluster.BootstrapServers;
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, bootstrap, topic, o => o.BatchSize = 200);
        const int publishers = 16, keysPerPublisher = 4, eventsPerKey = 20;

        await Task.WhenAll(Enumerable.Range(0, publishers).Select(_ => Task.Run(async () =>
        {
            var keys = Enumerable.Range(0, keysPerPublisher).Select(_ => Guid.NewGuid()).ToArray();
            for (var sequence = 0; sequence < eventsPerKey; sequence++)
            {
                foreach (var key in keys)
                {
                    await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(key, "order", sequence)));
                }
            }
        })));

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "rows still undelivered");
        var records = TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From).ToList();
        Assert.Equal(publishers * keysPerPublisher * eventsPerKey, records.Count);
        AssertPerKeyOrder(records, eventsPerKey, skipSequence: int.MinValue);
    }

    /// <summary>Per key, the first occurrences of its events come in publish order and none is missing.</summary>
    internal static void AssertPerKeyOrder(List<KafkaRecord> records, int expectedPerKey, int skipSequence)
    {
        foreach (var key in records.GroupBy(r => r.Key))
        {
            var sequences = key.OrderBy(r => r.Offset)
                .Select(r => JsonSerializer.Deserialize<DebateOpened>(r.Value, JsonSerializerOptions.Web)!.Sequence)
                .Where(s => s != skipSequence)
                .Distinct()
                .ToList();
            Assert.Equal(expectedPerKey, sequences.Count);
            Assert.Equal(sequences.Order(), sequences);
        }
    }
}
