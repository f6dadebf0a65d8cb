using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// What EF Core alone commits on this machine: plain rows about an outbox row's size through SaveChanges,
/// pooled contexts, the same SQLite settings as the outbox (WAL, <c>synchronous=NORMAL</c>) and the same
/// number of publishers. No outbox, no bus, no Kafka: the ceiling any EF-based outbox works under. With
/// <c>withDomainRow</c> each SaveChanges also inserts one small domain row, so EF wraps the two INSERTs in a
/// transaction: the same rows an outbox commits with one event and one domain row, still without any outbox.
/// </summary>
internal static class BareEfBaseline
{
    public static async Task<double> MeasureAsync(string folder, int publishers, int total, int rowsPerTransaction, CancellationToken cancellationToken,
        bool withDomainRow = false) =>
        (await MeasureCostedAsync(folder, publishers, total, rowsPerTransaction, cancellationToken, withDomainRow)).Rate;

    /// <summary><see cref="MeasureAsync"/> with the process CPU per transaction.</summary>
    public static async Task<CommitRound> MeasureCostedAsync(string folder, int publishers, int total, int rowsPerTransaction, CancellationToken cancellationToken,
        bool withDomainRow = false)
    {
        var file = Path.Combine(folder, $"bare-ef-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddDbContextPool<BareDbContext>(o => o.UseSqlite($"Data Source={file}").AddInterceptors(new SqliteWalPragmas()));
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BareDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        }

        var body = new byte[160];
        var perPublisher = total / publishers / rowsPerTransaction;
        var meter = CpuMeter.Start();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perPublisher; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<BareDbContext>();
                for (var row = 0; row < rowsPerTransaction; row++)
                {
                    db.Rows.Add(new BareRow { Id = Guid.NewGuid(), Topic = "debates", Body = body, CreatedAt = i });
                }

                if (withDomainRow)
                {
                    db.DomainRows.Add(new BareDomainRow { Id = Guid.NewGuid(), Name = "debate", Round = i });
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }, cancellationToken)));
        var rate = perPublisher * publishers * rowsPerTransaction / watch.Elapsed.TotalSeconds;
        var (cpuMicros, _) = meter.PerEvent(perPublisher * publishers);
        SqliteFiles.Delete(file);

        return new CommitRound(rate, cpuMicros);
    }

    /// <summary>A row about the size of an outbox row.</summary>
    public sealed class BareRow
    {
        public Guid Id { get; set; }

        public string Topic { get; set; } = "";

        public byte[] Body { get; set; } = [];

        public long CreatedAt { get; set; }
    }

    /// <summary>A small row standing for the application's own state change.</summary>
    public sealed class BareDomainRow
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";

        public int Round { get; set; }
    }

    /// <summary>A DbContext with two plain tables.</summary>
    public sealed class BareDbContext(DbContextOptions<BareDbContext> options) : DbContext(options)
    {
        public DbSet<BareRow> Rows => Set<BareRow>();

        public DbSet<BareDomainRow> DomainRows => Set<BareDomainRow>();
    }
}
