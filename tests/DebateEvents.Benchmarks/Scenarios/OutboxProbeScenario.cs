using System.Diagnostics;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
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
                o.EnableDispatcher = true;
                o.Route<OutboxScenario.DebateStarted>(topic, e => e.DebateId);
            });
            x.UsingInMemory((context, cfg) => cfg.UseDebateEventsOutbox(context));
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var sp = host.Services;
        foreach (var workers in new[] { 1 })
        {
            var count = 0;
            var w = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                while (w.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await using var s = sp.CreateAsyncScope();
                    var db = s.ServiceProvider.GetRequiredService<OutboxScenario.BenchDbContext>();
                    await s.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(
                        new OutboxScenario.DebateStarted(Guid.NewGuid(), "Should the question be this long, roughly?", 1, DateTimeOffset.UtcNow), cancellationToken);
                    await db.SaveChangesAsync(cancellationToken);
                    Interlocked.Increment(ref count);
                }
            }, cancellationToken)));
            Console.WriteLine($"publish 1/tx workers={workers}: {count / w.Elapsed.TotalSeconds:0} tx/s");
        }

        await host.StopAsync(cancellationToken);
        return "RESULT probe";
    }
}
