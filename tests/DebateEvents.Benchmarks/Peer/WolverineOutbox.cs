using DebateEvents.Benchmarks.Scenarios;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.EntityFrameworkCore;
using Wolverine.Kafka;
using Wolverine.Sqlite;

namespace DebateEvents.Benchmarks.Peer;

/// <summary>
/// Wolverine's EF Core transactional outbox on SQLite, set up as its documentation shows for code outside a
/// handler: <c>PersistMessagesWithSqlite</c>, <c>UseEntityFrameworkCoreTransactions</c>,
/// <c>AddDbContextWithWolverineIntegration</c>, a durable outbox on the Kafka subscription (idempotent producer),
/// and per transaction <c>IDbContextOutbox&lt;T&gt;</c>: the domain row, <c>PublishAsync</c> with the partition key,
/// <c>SaveChangesAndFlushMessagesAsync</c>. The file is in WAL mode and EF Core's connections get
/// <c>synchronous=NORMAL</c>, as ours and the bare EF baseline.
/// </summary>
internal sealed class WolverineOutbox(IHost host, string databaseFile, TopicWatermarks watermarks) : IAsyncDisposable
{
    public TopicWatermarks Watermarks => watermarks;

    public static async Task<WolverineOutbox> StartAsync(string bootstrapServers, string folder, string topic, int partitions)
    {
        var databaseFile = Path.Combine(folder, $"wolverine-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={databaseFile}";
        await using (var connection = new SqliteConnection(connectionString))
        {
            // journal_mode=WAL stays with the file, so Wolverine's own connections use it too.
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode=WAL;
                CREATE TABLE "Rows" ("Id" TEXT NOT NULL PRIMARY KEY, "Topic" TEXT NOT NULL, "Body" BLOB NOT NULL, "CreatedAt" INTEGER NOT NULL);
                """;
            await command.ExecuteNonQueryAsync();
        }

        var host = await WolverineHosts.StartAsync(
            opts =>
            {
                opts.PersistMessagesWithSqlite(connectionString);
                opts.UseEntityFrameworkCoreTransactions();
                opts.UseKafka(bootstrapServers).ConfigureProducers(p => p.EnableIdempotence = true);
                opts.PublishMessage<OutboxScenario.DebateStarted>().ToKafkaTopic(topic).UseDurableOutbox();
            },
            builder => builder.Services.AddDbContextWithWolverineIntegration<PeerDbContext>(
                o => o.UseSqlite(connectionString).AddInterceptors(new SqliteWalPragmas())));
        return new WolverineOutbox(host, databaseFile, new TopicWatermarks(bootstrapServers, topic, partitions));
    }

    /// <summary>One transaction: a domain row and <paramref name="events"/> events.</summary>
    public async Task CommitAsync(int publisher, int events, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IDbContextOutbox<PeerDbContext>>();
        outbox.DbContext.Rows.Add(new BareEfBaseline.BareRow { Id = Guid.NewGuid(), Topic = "debates", Body = DomainBody, CreatedAt = publisher });
        for (var i = 0; i < events; i++)
        {
            var evt = new OutboxScenario.DebateStarted(Guid.NewGuid(), $"Should publisher {publisher} argue point {i}?", i, DateTimeOffset.UtcNow);
            await outbox.PublishAsync(evt, new DeliveryOptions { PartitionKey = evt.DebateId.ToString() });
        }

        await outbox.SaveChangesAndFlushMessagesAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        watermarks.Dispose();
        await WolverineHosts.StopAsync(host);
        SqliteFiles.Delete(databaseFile);
    }

    private static readonly byte[] DomainBody = new byte[160];
}
