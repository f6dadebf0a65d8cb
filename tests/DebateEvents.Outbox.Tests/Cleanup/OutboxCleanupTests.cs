using DebateEvents.Outbox.Cleanup;
using DebateEvents.Outbox.Storage;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Cleanup;

[Trait("Category", "Integration")]
public sealed class OutboxCleanupTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    [Fact]
    public async Task Cleanup_RemovesDeliveredRowsAndExpiredInboxEntries_KeepsTheRest()
    {
        var topic = kafka.CreateTopic("cleanup");
        var clock = new ShiftableTimeProvider();
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic, o =>
        {
            o.DeliveredRetention = TimeSpan.FromMinutes(10);
            o.InboxRetention = TimeSpan.FromHours(1);
        }, services => services.AddSingleton<TimeProvider>(clock));
        for (var i = 0; i < 5; i++)
        {
            await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(Guid.NewGuid(), "clean", i)));
        }

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, TimeSpan.FromSeconds(20), () => "rows not delivered");
        await host.InUnitOfWorkAsync((db, _) =>
        {
            db.Set<InboxState>().Add(new InboxState { MessageId = Guid.NewGuid(), Consumer = "old", ReceivedAt = Ms(clock) - 2 * 3_600_000 });
            db.Set<InboxState>().Add(new InboxState { MessageId = Guid.NewGuid(), Consumer = "fresh", ReceivedAt = Ms(clock) });
            return Task.CompletedTask;
        });
        var cleanup = host.Services.GetRequiredService<OutboxCleanup>();

        Assert.Equal((0, 1), await cleanup.RunOnceAsync(CancellationToken.None));
        Assert.Equal(5, await host.OutboxRowsAsync());

        clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal((5, 0), await cleanup.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await host.OutboxRowsAsync());
        var remaining = await host.QueryAsync(db => db.Set<InboxState>().Select(s => s.Consumer).ToListAsync());
        Assert.Equal(["fresh"], remaining);
    }

    private static long Ms(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();
}
