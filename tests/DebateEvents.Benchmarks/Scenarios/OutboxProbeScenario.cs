using System.Diagnostics;
using DebateEvents.Kafka.Routing;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Publishing;
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
                o.EnableDispatcher = Environment.GetEnvironmentVariable("PROBE_DISPATCH") == "1";
                o.Route<OutboxScenario.DebateStarted>(topic, e => e.DebateId);
            });
            x.UsingInMemory((context, cfg) => cfg.UseDebateEventsOutbox(context));
        });
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var sp = host.Services;
        var writer = sp.GetRequiredService<OutboxRecordWriter>();
        foreach (var mode in new[] { "publish", "direct" })
        {
            foreach (var perTx in new[] { 1, 100 })
            {
                var count = 0;
                long publishTicks = 0, saveTicks = 0;
                var w = Stopwatch.StartNew();
                while (w.Elapsed < TimeSpan.FromSeconds(3))
                {
                    await using var s = sp.CreateAsyncScope();
                    var db = s.ServiceProvider.GetRequiredService<OutboxScenario.BenchDbContext>();
                    var p = s.ServiceProvider.GetRequiredService<IPublishEndpoint>();
                    var t0 = Stopwatch.GetTimestamp();
                    for (var e = 0; e < perTx; e++)
                    {
                        var evt = new OutboxScenario.DebateStarted(Guid.NewGuid(), "Should the question be this long, roughly?", 1, DateTimeOffset.UtcNow);
                        if (mode == "publish")
                        {
                            await p.Publish(evt, cancellationToken);
                        }
                        else
                        {
                            writer.Add(db, evt, EventEnvelope.New());
                        }
                    }

                    var t1 = Stopwatch.GetTimestamp();
                    await db.SaveChangesAsync(cancellationToken);
                    publishTicks += t1 - t0;
                    saveTicks += Stopwatch.GetTimestamp() - t1;
                    count += perTx;
                }

                Console.WriteLine($"{mode} perTx={perTx}: {count / w.Elapsed.TotalSeconds:0} events/s; publish {publishTicks * 1e6 / Stopwatch.Frequency / count:0.0} us/event, save {saveTicks * 1e6 / Stopwatch.Frequency / count:0.0} us/event");
            }
        }

        await host.StopAsync(cancellationToken);
        return "RESULT probe";
    }
}
