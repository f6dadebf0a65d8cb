using DebateEvents.Benchmarks.Scenarios;
using DebateEvents.Embedded;
using DebateEvents.Kafka;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Delivery;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>
/// The whole pipeline in one host, as an application runs it: MassTransit <c>Publish</c> in a unit of work with a
/// domain row, our outbox on a fresh SQLite file, Kafka, a rider topic endpoint (per-key order,
/// ConcurrentMessageLimit 16 as the host's) and a processor behind our inbox. The endpoint's consumer uses
/// fetch.wait.max.ms 1 on the embedded cluster, whose empty fetches otherwise wait the full 500 ms default: a record
/// produced during an empty fetch waits for that fetch to end (the host's embedded mode uses 10 ms, which put
/// 5.6-10 ms between the broker's acknowledgement and the key lane at the median at 1,000 events/s; 1 ms puts 1.4-2.2 ms).
/// <see cref="E2eProcessing"/> can take the inbox or the processor's writes away, to see their cost.
/// </summary>
internal sealed class E2ePipeline(IHost host, string databaseFile) : IAsyncDisposable
{
    private const int EmbeddedFetchWaitMs = 1;
    private static readonly byte[] DomainBody = new byte[160];

    public static async Task<E2ePipeline> StartAsync(EmbeddedKafkaCluster cluster, string folder, int partitions, E2eLatencyLog log,
        E2eStageLog stages, E2eProcessing processing)
    {
        var topic = $"e2e-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, partitions);
        var databaseFile = Path.Combine(folder, $"{topic}.db");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(stages);
        builder.Services.AddSingleton<IOutboxDeliveryObserver, E2eDispatchStamps>();
        builder.Services.AddSingleton(typeof(E2eProcessing), processing);
        builder.Services.AddSingleton<E2eCommitClock>();
        builder.Services.AddDbContextPool<E2eDbContext>((services, o) =>
            o.UseSqlite($"Data Source={databaseFile}").AddInterceptors(services.GetRequiredService<E2eCommitClock>()));
        builder.Services.AddMassTransit(x =>
        {
            x.AddDebateEventsOutbox<E2eDbContext>(o =>
            {
                o.UseSqlite();
                o.BootstrapServers = cluster.BootstrapServers;
                o.Route<E2eEvent>(topic, e => e.DebateId);
            });
            x.AddRider(r =>
            {
                r.AddConsumer<E2eProcessor>((_, c) =>
                {
                    if (processing == E2eProcessing.Inbox)
                    {
                        c.UseDebateEventsInbox();
                    }
                });
                r.UsingKafka((context, k) =>
                {
                    k.Host(cluster.BootstrapServers);
                    k.TopicEndpoint(topic, $"e2e-{Guid.NewGuid():N}", e =>
                    {
                        e.ConfigureKafkaConsumer(c => c.FetchWaitMaxMs = EmbeddedFetchWaitMs);
                        e.ConcurrentMessageLimit = 16;
                        e.ConfigureConsumer<E2eProcessor>(context);
                    });
                });
            });
            x.UsingInMemory((context, cfg) => cfg.UseDebateEventsOutbox(context));
        });
        var host = builder.Build();
        await host.StartAsync();
        return new E2ePipeline(host, databaseFile);
    }

    /// <summary>One unit of work: a domain row and one event through <c>Publish</c>, then <c>SaveChanges</c>.</summary>
    public async Task CommitAsync(int publisher, int sequence, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<E2eDbContext>();
        var evt = new E2eEvent(Guid.NewGuid(), Guid.NewGuid(), sequence, $"Should publisher {publisher} argue point {sequence}?");
        db.Rows.Add(new BareEfBaseline.BareRow { Id = Guid.NewGuid(), Topic = "debates", Body = DomainBody, CreatedAt = sequence });
        PublishContext? published = null;
        await scope.ServiceProvider.GetRequiredService<IPublishEndpoint>().Publish(evt, context => published = context, cancellationToken);
        // The message id is the outbox row's ce_id, which the dispatcher's and the processor's stage stamps know the event by.
        db.Committing.Add((evt.Id, published?.MessageId ?? Guid.Empty));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        SqliteFiles.Delete(databaseFile);
    }
}
