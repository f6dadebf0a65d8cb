using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Tests.Publishing;

/// <summary>
/// A SaveChanges whose entities fail to save takes its outbox rows down with it, and the same context's next SaveChanges
/// writes them once: the rows are inserted in the transaction that saves the entities, whichever opened it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxSaveFailureTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("sqlite", AutoTransactionBehavior.WhenNeeded)]
    [InlineData("postgres", AutoTransactionBehavior.WhenNeeded)]
    [InlineData("postgres", AutoTransactionBehavior.Never)]
    public async Task SaveChanges_WhenAnEntityFailsToSave_WritesNoRowAndTheRetriedSaveWritesItOnce(string provider, AutoTransactionBehavior behavior)
    {
        var topic = kafka.CreateTopic($"save-failure-{provider}");
        await using TestDatabase database = provider == "sqlite" ? new SqliteTestDatabase() : PostgresTestDatabase.Create();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        var existing = new DebateRow { Id = Guid.NewGuid(), Question = "Already saved?" };
        await host.InUnitOfWorkAsync((db, _) =>
        {
            db.Debates.Add(existing);
            return Task.CompletedTask;
        });
        var evt = new DebateOpened(Guid.NewGuid(), "Saved on the second try?", 1);

        await host.InScopeAsync(async (db, publish) =>
        {
            db.Database.AutoTransactionBehavior = behavior;
            var duplicate = db.Debates.Add(new DebateRow { Id = existing.Id, Question = "A second row with the same key" });
            db.Debates.Add(new DebateRow { Id = evt.DebateId, Question = evt.Question });
            await publish.Publish(evt);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Equal(0, await host.OutboxRowsAsync());

            duplicate.State = EntityState.Detached;
            await db.SaveChangesAsync();
        });

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "outbox rows still undelivered");
        Assert.Equal(1, await host.OutboxRowsAsync());
        var record = Assert.Single(TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From));
        Assert.Equal(evt.DebateId.ToString("D"), record.Key);
        Assert.Equal(2, await host.QueryAsync(d => d.Debates.CountAsync()));
    }
}
