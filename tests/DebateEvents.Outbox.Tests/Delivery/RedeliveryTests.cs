using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using DebateEvents.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Tests.Delivery;

/// <summary>
/// <c>RedeliverOnStart</c> against a broker that forgot everything: a restarted host with a brand-new cluster,
/// as the host's embedded mode has after its process died.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedeliveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RedeliverOnStart_SendsRowsDeliveredWithinTheWindowToTheNewBroker_AsTheyWereAndInOrder()
    {
        var topic = UniqueNames.For("redeliver");
        var clock = new ShiftableTimeProvider();
        await using var database = new SqliteTestDatabase();
        var oldKey = Guid.NewGuid();
        var key = Guid.NewGuid();
        List<KafkaRecord> before;
        using (var forgetful = StartCluster(topic))
        await using (var host = await OutboxTestHost.StartAsync(database, forgetful.BootstrapServers, topic, services: s => s.AddSingleton<TimeProvider>(clock)))
        {
            await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(oldKey, "old", 0)));
            await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "the old row was not delivered");
            clock.Advance(TimeSpan.FromMinutes(11));
            for (var i = 1; i <= 5; i++)
            {
                await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(key, $"Q{i}", i)));
            }

            await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "the recent rows were not delivered");
            before = TopicReader.ReadAll(forgetful.BootstrapServers, topic).Select(KafkaRecord.From).ToList();
        }

        using var fresh = StartCluster(topic);
        await using var restarted = await OutboxTestHost.StartAsync(database, fresh.BootstrapServers, topic,
            o => o.RedeliverOnStart = true, s => s.AddSingleton<TimeProvider>(clock));
        await Eventually.Until(async () => await restarted.UndeliveredAsync() == 0, Deadline, () => "the handed-back rows were not sent");
        var after = TopicReader.ReadAll(fresh.BootstrapServers, topic).Select(KafkaRecord.From).ToList();

        // The row delivered 11 minutes ago lies outside the 10-minute window; the recent ones come back byte for byte, in order.
        Assert.Equal(6, before.Count);
        Assert.Equal(Comparable(before.Where(r => r.Key == key.ToString())), Comparable(after));
        Assert.Equal(5, after.Count);
    }

    [Fact]
    public async Task RedeliverOnStart_WithAWindowShorterThanTheRetention_FailsAtStart()
    {
        await using var database = new SqliteTestDatabase();
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => OutboxTestHost.StartAsync(database, "localhost:9092", "unused", o =>
        {
            o.RedeliverOnStart = true;
            o.DeliveredRetention = TimeSpan.FromMinutes(30);
            o.RedeliveryWindow = TimeSpan.FromMinutes(10);
        }));
        Assert.Contains("RedeliveryWindow must be at least DeliveredRetention", failure.Message, StringComparison.Ordinal);
    }

    private static EmbeddedKafkaCluster StartCluster(string topic)
    {
        var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions());
        cluster.CreateTopic(topic, Topics.Partitions);
        return cluster;
    }

    private static List<(string? Key, Guid EventId, string? EventType, string Value, string? CorrelationId)> Comparable(IEnumerable<KafkaRecord> records) =>
        [.. records.Select(r => (r.Key, r.EventId, r.EventType, Convert.ToBase64String(r.Value), r.CorrelationId))];
}
