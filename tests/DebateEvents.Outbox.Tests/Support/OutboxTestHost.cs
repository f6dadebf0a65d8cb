using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;
using DebateEvents.Outbox.Tests.Consumers;
using DebateEvents.Outbox.Tests.Events;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>
/// A host as an application would build it: its DbContext with the outbox entities, MassTransit's
/// in-memory bus with the outbox publish filter and an in-process subscriber, and the outbox
/// dispatcher producing to the embedded cluster.
/// </summary>
public sealed class OutboxTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private OutboxTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ReceivedEvents Received => Services.GetRequiredService<ReceivedEvents>();

    internal OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public static async Task<OutboxTestHost> StartAsync(TestDatabase database, string bootstrapServers, string topic,
        Action<DebateEventsOutboxOptions>? configure = null, Action<IServiceCollection>? services = null, bool withInboxConsumer = false,
        Action<IBusRegistrationConfigurator>? configureBus = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ReceivedEvents>();
        builder.Services.AddDbContext<DebateDbContext>(database.ConfigureContext);
        builder.Services.AddConsumeObserver<CompletedConsumeObserver>();
        builder.Services.AddMassTransit(x =>
        {
            x.AddDebateEventsOutbox<DebateDbContext>(o =>
            {
                database.ConfigureOutbox(o);
                o.BootstrapServers = bootstrapServers;
                o.PollInterval = TimeSpan.FromMilliseconds(200);
                o.RetryDelay = TimeSpan.FromMilliseconds(100);
                o.MaxRetryDelay = TimeSpan.FromSeconds(1);
                o.DeliveryTimeout = TimeSpan.FromSeconds(3);
                o.LeaseDuration = TimeSpan.FromSeconds(3);
                o.CleanupInterval = TimeSpan.FromHours(1);
                o.Route<DebateOpened>(topic, e => e.DebateId);
                o.Route<UnserializableEvent>(topic, e => e.Id);
                configure?.Invoke(o);
            });
            x.AddConsumer<DebateOpenedSubscriber>();
            if (withInboxConsumer)
            {
                x.AddConsumer<InboxDebateConsumer>((_, c) => c.UseDebateEventsInbox()).Endpoint(e => e.Name = "inbox-debate");
            }

            configureBus?.Invoke(x);
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseDebateEventsOutbox(context);
                cfg.ConfigureEndpoints(context);
            });
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new OutboxTestHost(host);
    }

    /// <summary>One unit of work: <paramref name="work"/> changes state and publishes, then SaveChanges commits both.</summary>
    public async Task InUnitOfWorkAsync(Func<DebateDbContext, IPublishEndpoint, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DebateDbContext>();
        await work(db, scope.ServiceProvider.GetRequiredService<IPublishEndpoint>());
        await db.SaveChangesAsync();
    }

    /// <summary>Runs <paramref name="work"/> in a scope and leaves committing (or not) to it.</summary>
    public async Task InScopeAsync(Func<DebateDbContext, IPublishEndpoint, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<DebateDbContext>(), scope.ServiceProvider.GetRequiredService<IPublishEndpoint>());
    }

    public async Task<T> QueryAsync<T>(Func<DebateDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DebateDbContext>());
    }

    internal Task<int> UndeliveredAsync() => QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.DeliveredAt == null));

    internal Task<int> OutboxRowsAsync() => QueryAsync(db => db.Set<OutboxMessage>().CountAsync());

    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
