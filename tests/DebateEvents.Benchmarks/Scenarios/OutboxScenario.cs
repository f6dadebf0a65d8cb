using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DebateEvents.Benchmarks.Peer;
using DebateEvents.Outbox;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Embedded;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// The transactional outbox on SQLite against raw produce of similar records: events/s committed
/// (through MassTransit's <c>Publish</c>, and through <see cref="IEventOutbox"/>) with <c>SaveChanges</c> and
/// acknowledged by Kafka, at 1 and 100 events per transaction, each transaction with one domain row, and
/// commit-to-acknowledgement latency at a fixed offered 5,000 events/s. Baselines in the same run: bare EF Core
/// committing the same domain row without an outbox, and Wolverine's EF Core outbox (one event and one domain
/// row per transaction, the same 4 publishers), each warmed by a short round first, as ours is.
/// </summary>
internal static class OutboxScenario
{
    private const int Publishers = 4;
    private const int Partitions = 6;

    public static async Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        if (arguments is ["--tx1", ..])
        {
            return await OutboxTx1Probe.RunAsync(arguments[1..], cancellationToken);
        }

        using var cluster = EmbeddedKafkaCluster.Start();
        var folder = Path.Combine(Path.GetTempPath(), $"outbox-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var raw = RawScenario.Measure(cluster, payloadBytes: 160, count: 100_000, cancellationToken).Produce;

        // Warm the baseline and both ingress paths alike (JIT tiers, pools) before any is measured: otherwise the
        // first subject measured pays for compiling the MassTransit and outbox code the later ones run warm.
        Console.WriteLine("outbox warm-up (not measured):");
        await BareEfBaseline.MeasureAsync(folder, Publishers, total: 8_000, rowsPerTransaction: 1, cancellationToken);
        await MeasureThroughput(cluster, folder, Ingress.Publish, eventsPerTransaction: 1, total: 8_000, cancellationToken);
        await MeasureThroughput(cluster, folder, Ingress.Direct, eventsPerTransaction: 1, total: 8_000, cancellationToken);
        var bareEf = await BareEfBaseline.MeasureAsync(folder, Publishers, total: 30_000, rowsPerTransaction: 1, cancellationToken);
        var bareEfPair = await BareEfBaseline.MeasureAsync(folder, Publishers, total: 30_000, rowsPerTransaction: 1, cancellationToken, withDomainRow: true);
        var bareEf100 = await BareEfBaseline.MeasureAsync(folder, Publishers, total: 200_000, rowsPerTransaction: 100, cancellationToken);
        await MeasureThroughput(cluster, folder, Ingress.Publish, eventsPerTransaction: 1, total: 2_000, cancellationToken);
        var tx1 = (await MeasureThroughput(cluster, folder, Ingress.Publish, eventsPerTransaction: 1, total: 30_000, cancellationToken)).Rate;
        await MeasureWolverine(cluster, folder, total: 2_000, cancellationToken);
        var wolverine = await MeasureWolverine(cluster, folder, total: 30_000, cancellationToken);
        var tx100 = (await MeasureThroughput(cluster, folder, Ingress.Publish, eventsPerTransaction: 100, total: 200_000, cancellationToken)).Rate;
        var direct1 = (await MeasureThroughput(cluster, folder, Ingress.Direct, eventsPerTransaction: 1, total: 30_000, cancellationToken)).Rate;
        var direct100 = (await MeasureThroughput(cluster, folder, Ingress.Direct, eventsPerTransaction: 100, total: 200_000, cancellationToken)).Rate;
        var (p50, p99, offered) = await MeasureLatency(cluster, folder, ratePerSecond: 5_000, seconds: 8, cancellationToken);
        Directory.Delete(folder);
        Console.WriteLine($"outbox via Publish: tx1 {tx1:0}/s ({tx1 / raw:P1} of raw), tx100 {tx100:0}/s ({tx100 / raw:P1} of raw); "
            + $"via IEventOutbox: tx1 {direct1:0}/s ({direct1 / raw:P1}), tx100 {direct100:0}/s ({direct100 / raw:P1}); raw {raw:0}/s; "
            + $"commit-to-ack at 5,000/s target (achieved {offered:0}/s) p50 {p50:0.0} ms, p99 {p99:0.0} ms; "
            + $"bare EF Core rows, no outbox: 1/tx {bareEf:0}/s, 1/tx with a domain row {bareEfPair:0}/s, 100/tx {bareEf100:0}/s (committed only, nothing delivered); "
            + $"Wolverine EF Core outbox 1/tx {wolverine:0}/s");
        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT outbox tx1_eps={tx1:0} tx100_eps={tx100:0} p50_ms={p50:0.0} p99_ms={p99:0.0} ratio_tx1={tx1 / raw:0.000} "
            + $"ratio_tx100={tx100 / raw:0.000} direct_tx1_eps={direct1:0} direct_tx100_eps={direct100:0} latency_offered_eps={offered:0} raw_eps={raw:0} bare_ef_tx1_eps={bareEf:0} bare_ef_tx100_eps={bareEf100:0} "
            + $"wolverine_tx1_eps={wolverine:0} ratio_tx1_bare_ef={tx1 / bareEf:0.00} ratio_tx100_bare_ef={tx100 / bareEf100:0.00} "
            + $"ratio_tx1_wolverine={tx1 / wolverine:0.00} ratio_direct_tx1_bare_ef={direct1 / bareEf:0.00} wolverine_ratio_bare_ef={wolverine / bareEf:0.00} "
            + $"bare_ef_pair_tx1_eps={bareEfPair:0} bare_ef_pair_ratio_bare_ef={bareEfPair / bareEf:0.00} ratio_tx1_bare_ef_pair={tx1 / bareEfPair:0.00}");
    }

    /// <summary>Wolverine's EF Core outbox, one event and one domain row per transaction; events/s until the topic holds them all.</summary>
    private static async Task<double> MeasureWolverine(EmbeddedKafkaCluster cluster, string folder, int total, CancellationToken cancellationToken)
    {
        var topic = $"wolverine-outbox-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, Partitions);
        await using var peer = await WolverineOutbox.StartAsync(cluster.BootstrapServers, folder, topic, Partitions);
        var perPublisher = total / Publishers;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            for (var t = 0; t < perPublisher; t++)
            {
                await peer.CommitAsync(p, 1, cancellationToken);
            }
        }, cancellationToken)));
        var committed = watch.Elapsed;
        await peer.Watermarks.WaitForAsync(total, TimeSpan.FromMinutes(2), cancellationToken);
        var rate = total / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"wolverine outbox 1/tx: {total} events committed in {committed.TotalSeconds:0.00} s, on the topic in {watch.Elapsed.TotalSeconds:0.00} s: {rate:0} events/s");
        return rate;
    }

    internal static async Task<CommitRound> MeasureThroughput(EmbeddedKafkaCluster cluster, string folder, Ingress path, int eventsPerTransaction,
        int total, CancellationToken cancellationToken, bool dispatch = true, int publishers = Publishers)
    {
        var acks = new OutboxAckLog();
        await using var bench = await Bench.StartAsync(cluster, folder, acks, dispatch);
        var perPublisher = total / publishers / eventsPerTransaction;
        var meter = CpuMeter.Start();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(p => Task.Run(async () =>
        {
            for (var t = 0; t < perPublisher; t++)
            {
                await bench.CommitAsync(path, p, eventsPerTransaction, null, cancellationToken);
            }
        }, cancellationToken)));
        var committed = watch.Elapsed;
        var (cpuMicros, bytes) = meter.PerEvent(total);
        if (dispatch)
        {
            await acks.WaitForAsync(total, TimeSpan.FromMinutes(2), cancellationToken);
        }

        var rate = total / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"outbox {path} {eventsPerTransaction}/tx: {total} events committed in {committed.TotalSeconds:0.00} s "
            + $"({cpuMicros:0} µs CPU and {bytes} B allocated per event while committing), acknowledged in {watch.Elapsed.TotalSeconds:0.00} s: {rate:0} events/s");
        return new CommitRound(rate, cpuMicros);
    }

    private static async Task<(double P50, double P99, double Offered)> MeasureLatency(EmbeddedKafkaCluster cluster, string folder, int ratePerSecond,
        int seconds, CancellationToken cancellationToken)
    {
        var acks = new OutboxAckLog();
        await using var bench = await Bench.StartAsync(cluster, folder, acks);
        var commits = new ConcurrentDictionary<Guid, double>();
        var total = ratePerSecond * seconds;
        var perPublisher = total / Publishers;
        var interval = TimeSpan.FromSeconds(1.0 / ratePerSecond * Publishers);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perPublisher; i++)
            {
                var due = interval * i + TimeSpan.FromTicks(p * interval.Ticks / Publishers);
                var ahead = due - Stopwatch.GetElapsedTime(start);
                if (ahead > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(ahead, cancellationToken);
                }

                await bench.CommitAsync(Ingress.Direct, p, 1, commits, cancellationToken);
            }
        }, cancellationToken)));
        var offered = total / Stopwatch.GetElapsedTime(start).TotalSeconds;
        await acks.WaitForAsync(total, TimeSpan.FromMinutes(1), cancellationToken);
        var latencies = acks.AckedAt.Select(a => a.Value - commits[a.Key]).Order().ToArray();
        Console.WriteLine($"outbox latency (IEventOutbox, 1/tx): offered {offered:0}/s over {seconds} s, {latencies.Length} acks");
        return (latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)], offered);
    }

    private static double UnixMilliseconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>How events enter the outbox: MassTransit's Publish (in-process delivery too) or <see cref="IEventOutbox"/>.</summary>
    internal enum Ingress
    {
        Publish,
        Direct,
    }

    /// <summary>The benchmark's event: a debate id key and a short body, about the size of the domain's events.</summary>
    public sealed record DebateStarted(Guid DebateId, string Question, int Round, DateTimeOffset OccurredAt);

    /// <summary>The application's DbContext: the domain table of the bare EF baseline and the outbox tables.</summary>
    public sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
    {
        public DbSet<BareEfBaseline.BareRow> Rows => Set<BareEfBaseline.BareRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutboxEntities();
    }

    /// <summary>A host with the outbox on a fresh SQLite file, MassTransit's in-memory bus and the dispatcher.</summary>
    private sealed class Bench(IHost host, string databaseFile) : IAsyncDisposable
    {
        public static async Task<Bench> StartAsync(EmbeddedKafkaCluster cluster, string folder, OutboxAckLog acks, bool dispatch = true)
        {
            var topic = $"outbox-bench-{Guid.NewGuid():N}";
            cluster.CreateTopic(topic, Partitions);
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            var databaseFile = Path.Combine(folder, $"{topic}.db");
            builder.Services.AddDbContextPool<BenchDbContext>(o => o.UseSqlite($"Data Source={databaseFile}"));
            builder.Services.AddSingleton<IOutboxDeliveryObserver>(acks);
            builder.Services.AddMassTransit(x =>
            {
                x.AddDebateEventsOutbox<BenchDbContext>(o =>
                {
                    o.UseSqlite();
                    o.EnableDispatcher = dispatch;
                    o.BootstrapServers = cluster.BootstrapServers;
                    o.Route<DebateStarted>(topic, e => e.DebateId);
                });
                x.UsingInMemory((context, cfg) => cfg.UseDebateEventsOutbox(context));
            });
            var host = builder.Build();
            await host.StartAsync();
            return new Bench(host, databaseFile);
        }

        public async Task CommitAsync(Ingress path, int publisher, int events, ConcurrentDictionary<Guid, double>? commits,
            CancellationToken cancellationToken)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            var eventIds = commits is null ? null : new List<Guid>(events);
            db.Rows.Add(new BareEfBaseline.BareRow { Id = Guid.NewGuid(), Topic = "debates", Body = DomainBody, CreatedAt = publisher });
            for (var i = 0; i < events; i++)
            {
                var evt = new DebateStarted(Guid.NewGuid(), $"Should publisher {publisher} argue point {i}?", i, DateTimeOffset.UtcNow);
                if (path == Ingress.Publish)
                {
                    await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>()
                        .Publish(evt, ctx => eventIds?.Add(ctx.MessageId!.Value), cancellationToken);
                }
                else
                {
                    var id = scope.ServiceProvider.GetRequiredService<IEventOutbox>().Add(evt);
                    eventIds?.Add(id);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            if (commits is not null)
            {
                var now = UnixMilliseconds();
                foreach (var id in eventIds!)
                {
                    commits[id] = now;
                }
            }
        }

        private static readonly byte[] DomainBody = new byte[160];

        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
            SqliteFiles.Delete(databaseFile);
        }
    }
}
