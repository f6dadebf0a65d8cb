using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Storage;
using DebateEvents.Outbox.Tests.Consumers;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Inbox;

[Trait("Category", "Integration")]
public sealed class InboxModelsTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The inbox's lookup is compiled once per EF Core model: a SQLite and a PostgreSQL context in one process each
    /// get theirs (a single compiled query is refused on the second model, which faults every event there).
    /// </summary>
    [Fact]
    public async Task Inbox_OnSqliteThenPostgresInOneProcess_RunsTheConsumerOncePerEventOnBoth()
    {
        await using (var sqlite = new SqliteTestDatabase())
        {
            await AssertDuplicateIsSkippedAsync(sqlite);
        }

        await using var postgres = PostgresTestDatabase.Create();
        await AssertDuplicateIsSkippedAsync(postgres);
    }

    private async Task AssertDuplicateIsSkippedAsync(TestDatabase database)
    {
        var topic = kafka.CreateTopic("inbox-models");
        var queue = $"models-{Guid.NewGuid():N}";
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic,
            o => o.Route<DebateAcknowledged>(topic, e => e.DebateId),
            configureBus: x => x.AddConsumer<AcknowledgingConsumer>((_, c) => c.UseDebateEventsInbox()).Endpoint(e => e.Name = queue));
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{queue}"));
        var opened = new DebateOpened(Guid.NewGuid(), "acknowledge me", 1);
        var messageId = Guid.NewGuid();
        var completed = host.Received.ConsumeCompleted;
        // One after the other, as a redelivery comes (two at once on PostgreSQL would race past each other's lookup).
        foreach (var expected in new[] { completed + 1, completed + 2 })
        {
            await endpoint.Send(opened, ctx => ctx.MessageId = messageId);
            await Eventually.Until(() => host.Received.ConsumeCompleted >= expected, Deadline,
                () => $"delivery {expected - completed} was not consumed on {database.GetType().Name} (faults: {host.Received.ConsumeFaults})");
        }


        var entry = Assert.Single(await host.QueryAsync(db => db.Set<InboxState>().ToListAsync()));
        Assert.Equal(messageId, entry.MessageId);
        Assert.Single(await host.QueryAsync(db => db.Debates.ToListAsync()));
    }
}
