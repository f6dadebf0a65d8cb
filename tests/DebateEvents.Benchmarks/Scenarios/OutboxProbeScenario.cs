using System.Diagnostics;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Benchmarks.Scenarios;

internal static class OutboxProbeScenario
{
    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var topic = $"probe-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, 6);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDbContextPool<OutboxScenario.BenchDbContext>(o => o.UseSqlite($"Data Source=/tmp/{topic}.db"));
        builder.Services.AddMassTransit(x =>
        {
            x.AddDebateEventsOutbox<OutboxScenario.BenchDbContext>(o =>
            {
                o.UseSqlite();
                o.BootstrapServers = cluster.BootstrapServers;
                o.EnableDispatcher = Environment.GetEnvironmentVariable("PROBE_DISPATCH") == "1";
                o.Route<OutboxScenario.DebateStarted>(topic, e => e.DebateId);
            });
            x.UsingInMemory((context, cfg) => cfg.UseDebateEventsOutbox(context));
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var sp = host.Services;
        await using (var s0 = sp.CreateAsyncScope())
        {
            var db0 = s0.ServiceProvider.GetRequiredService<OutboxScenario.BenchDbContext>();
            var ext = db0.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>().FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>();
            Console.WriteLine("interceptors: " + string.Join(",", ext?.Interceptors?.Select(i => i.GetType().Name) ?? []));
            await db0.Database.OpenConnectionAsync(cancellationToken);
            var c = db0.Database.GetDbConnection().CreateCommand();
            c.CommandText = "PRAGMA synchronous";
            Console.WriteLine("synchronous=" + await c.ExecuteScalarAsync(cancellationToken));
        }
        async Task Step(string name, int n, Func<Task> body)
        {
            var w = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) await body();
            Console.WriteLine($"{name}: {w.Elapsed.TotalMicroseconds / n:0.0} us/op");
        }

        foreach (var workers in new[] { 1, 2, 4, 8 })
        {
            var count = 0;
            var w = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                while (w.Elapsed < TimeSpan.FromSeconds(3))
                {
                    await using var s = sp.CreateAsyncScope();
                    var db = s.ServiceProvider.GetRequiredService<OutboxScenario.BenchDbContext>();
                    var p = s.ServiceProvider.GetRequiredService<IPublishEndpoint>();
                    await p.Publish(new OutboxScenario.DebateStarted(Guid.NewGuid(), "q?", 1, DateTimeOffset.UtcNow), cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    Interlocked.Increment(ref count);
                }
            })));
            Console.WriteLine($"workers={workers}: {count / w.Elapsed.TotalSeconds:0} tx/s");
        }

        await host.StopAsync(cancellationToken);
        return "RESULT probe";
    }

    public sealed record Unrouted(Guid Id);
}
