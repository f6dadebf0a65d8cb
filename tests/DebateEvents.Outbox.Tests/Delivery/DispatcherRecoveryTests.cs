using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DebateEvents.Outbox.Tests.Delivery;

[Trait("Category", "Integration")]
public sealed class DispatcherRecoveryTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Dispatcher_WhenKilledBetweenProduceAndMark_ResendsOnRestartAndInboxRunsConsumerOnce()
    {
        var topic = kafka.CreateTopic("crash");
        var bootstrap = kafka.Cluster.BootstrapServers;
        await using var database = new SqliteTestDatabase();
        var events = Enumerable.Range(0, 20).Select(i => new DebateOpened(Guid.NewGuid(), $"Q{i}", i)).ToList();

        CrashAfterSendTransport? crashing = null;
        await using (var first = await OutboxTestHost.StartAsync(database, bootstrap, topic, o => o.EnableDispatcher = false))
        {
            foreach (var evt in events)
            {
                await first.InUnitOfWorkAsync((_, publish) => publish.Publish(evt));
            }
        }

        // Second process: its dispatcher produces the batch, then dies before marking it.
        await using (var second = await OutboxTestHost.StartAsync(database, bootstrap, topic, services: s => s.Replace(
            ServiceDescriptor.Singleton<IOutboxTransport>(sp => crashing = new CrashAfterSendTransport(
                ActivatorUtilities.CreateInstance<KafkaOutboxTransport>(sp), () => sp.GetRequiredService<OutboxDispatcher>().SimulateCrash())))))
        {
            await Eventually.Until(() => crashing?.BatchesSent >= 1, Deadline, () => "the crashing dispatcher never sent a batch");
            await Eventually.Until(() => TopicReader.Count(bootstrap, topic) == 20, Deadline,
                () => "the first send did not reach Kafka");
            Assert.Equal(20, await second.UndeliveredAsync());
        }

        // Restart: the rows are still undelivered, so they go out again.
        await using var third = await OutboxTestHost.StartAsync(database, bootstrap, topic, withInboxConsumer: true);
        await Eventually.Until(async () => await third.UndeliveredAsync() == 0, Deadline, () => "rows not re-sent after restart");
        var records = TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From).ToList();
        Assert.Equal(40, records.Count);
        Assert.All(records.GroupBy(r => r.EventId), g => Assert.Equal(2, g.Count()));

        // Feed every record, duplicates included, to the inbox consumer with MessageId = ce_id.
        var bus = third.Services.GetRequiredService<IBus>();
        var endpoint = await bus.GetSendEndpoint(new Uri("queue:inbox-debate"));
        var baseline = third.Received.ConsumeCompleted;
        foreach (var record in records)
        {
            var evt = System.Text.Json.JsonSerializer.Deserialize<DebateOpened>(record.Value, System.Text.Json.JsonSerializerOptions.Web)!;
            await endpoint.Send(evt, ctx => ctx.MessageId = record.EventId);
        }

        await Eventually.Until(() => third.Received.ConsumeCompleted - baseline >= 40, Deadline,
            () => $"inbox endpoint finished {third.Received.ConsumeCompleted - baseline} of 40 deliveries");
        Assert.Equal(20, third.Received.InboxRuns.Count);
        Assert.Equal(events.Select(e => e.DebateId).Order(), (await third.QueryAsync(db => db.Debates.Select(d => d.Id).ToListAsync())).Order());
        Assert.All(await third.QueryAsync(db => db.Debates.ToListAsync()), d => Assert.Equal(1, d.Handled));
        Assert.Equal(20, await third.QueryAsync(db => db.Set<DebateEvents.Outbox.Storage.InboxState>().CountAsync()));
    }
}
