using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Storage;

/// <summary>A save takes SQLite's write gate before EF opens its connection; it must give it back even when the connection stays open.</summary>
[Trait("Category", "Integration")]
public sealed class SqliteWriteGateTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    [Fact]
    public async Task SaveChanges_OnAConnectionTheApplicationKeepsOpen_ReleasesTheWriterForTheNextSave()
    {
        var topic = kafka.CreateTopic("gate-open-connection");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        await using var keptOpen = host.Services.CreateAsyncScope();
        var db = keptOpen.ServiceProvider.GetRequiredService<DebateDbContext>();
        await db.Database.OpenConnectionAsync();
        db.Debates.Add(new DebateRow { Id = Guid.NewGuid(), Question = "Saved on an open connection?" });
        await db.SaveChangesAsync();

        var next = host.InUnitOfWorkAsync((other, publish) =>
        {
            other.Debates.Add(new DebateRow { Id = Guid.NewGuid(), Question = "Saved next?" });
            return publish.Publish(new DebateOpened(Guid.NewGuid(), "Saved next?", 1));
        });
        var finished = await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.True(finished == next, "the next save still waits for the writer the first one kept");
        await next;
        Assert.Equal(2, await host.QueryAsync(d => d.Debates.CountAsync()));
        await db.Database.CloseConnectionAsync();
    }
}
