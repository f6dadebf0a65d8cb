using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Delivery;

/// <summary>
/// <see cref="IOutboxBacklog"/> counts what waits per key bucket on each database, and is empty once the broker took it all.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxBacklogTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Backlog_CountsUndeliveredRowsPerBucket_AndIsEmptyOnceDelivered(string provider)
    {
        var topic = kafka.CreateTopic("backlog");
        await using TestDatabase database = provider == "sqlite" ? new SqliteTestDatabase() : PostgresTestDatabase.Create();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        var backlog = host.Services.GetRequiredService<IOutboxBacklog>();
        var publishedFrom = DateTimeOffset.UtcNow;
        kafka.Cluster.SetBrokerDown(1);
        try
        {
            var first = Guid.NewGuid();
            foreach (var (debate, sequence) in new[] { (first, 0), (first, 1), (Guid.NewGuid(), 0), (Guid.NewGuid(), 0), (Guid.NewGuid(), 0) })
            {
                await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(debate, "waits", sequence)));
            }

            var report = await backlog.MeasureAsync();
            var stored = await host.QueryAsync(db => db.Database.SqlQueryRaw<BucketCount>(
                "SELECT bucket AS \"Bucket\", COUNT(*) AS \"Count\" FROM outbox_message WHERE delivered_at IS NULL GROUP BY bucket").ToListAsync());

            Assert.Equal(5, report.Count);
            Assert.Equal(stored.OrderBy(b => b.Bucket).Select(b => (b.Bucket, b.Count)), report.Buckets.Select(b => (b.Bucket, b.Count)));
            Assert.InRange(report.OldestPublishedAt!.Value, publishedFrom.AddSeconds(-1), DateTimeOffset.UtcNow);
            Assert.All(report.Buckets, b => Assert.InRange(b.OldestPublishedAt, report.OldestPublishedAt.Value, DateTimeOffset.UtcNow));
        }
        finally
        {
            kafka.Cluster.SetBrokerUp(1);
        }

        await Eventually.Until(async () => (await backlog.MeasureAsync()).Count == 0, Deadline, () => "the backlog delivered once the broker was back");
        var empty = await backlog.MeasureAsync();
        Assert.Empty(empty.Buckets);
        Assert.Null(empty.OldestPublishedAt);
    }

    private sealed record BucketCount(int Bucket, long Count);
}
