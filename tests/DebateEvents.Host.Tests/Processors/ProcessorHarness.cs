using DebateEvents.Host.Processors;
using DebateEvents.Host.ReadModels;
using DebateEvents.Host.Webhooks;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Host.Tests.Processors;

/// <summary>The processors on MassTransit's test harness, over a real SQLite file of their own.</summary>
internal sealed class ProcessorHarness : IAsyncDisposable
{
    private readonly string _databasePath;

    private ProcessorHarness(ServiceProvider services, string databasePath)
    {
        _databasePath = databasePath;
        Services = services;
        Harness = services.GetRequiredService<ITestHarness>();
    }

    public ServiceProvider Services { get; }

    public ITestHarness Harness { get; }

    public static async Task<ProcessorHarness> StartAsync(Action<WebhookOptions>? webhooks = null)
    {
        var services = new ServiceCollection();
        var path = Path.Combine(Path.GetTempPath(), $"processors-{Guid.NewGuid():N}.db");
        services.AddDbContext<DebateDbContext>(o => o.UseSqlite($"Data Source={path}"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<MetricWindows>();
        services.AddOptions<WebhookOptions>().Configure(o => webhooks?.Invoke(o));
        services.AddHttpClient<WebhookClient>();
        services.AddLogging();
        services.AddMassTransitTestHarness(x =>
        {
            // Two busy cores: give a consumer time before the harness calls the bus idle.
            x.SetTestTimeouts(testTimeout: TimeSpan.FromSeconds(30), testInactivityTimeout: TimeSpan.FromSeconds(5));
            x.AddConsumer<DebateEventProcessor>();
            x.AddConsumer<DecisionEventProcessor>();
            x.AddConsumer<EvolutionEventProcessor>();
            x.AddConsumer<MetricsEventProcessor>();
            x.AddConsumer<WebhookEventProcessor>();
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DebateDbContext>().Database.EnsureCreatedAsync();
        }

        var harness = new ProcessorHarness(provider, path);
        await harness.Harness.Start();
        return harness;
    }

    /// <summary>Publishes and waits until every consumer of the message finished with it.</summary>
    public async Task PublishAndWait<T>(T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = messageId);
        Assert.True(await Harness.Consumed.Any<T>(m => m.Context.MessageId == messageId), $"{typeof(T).Name} {messageId} was not consumed.");
    }

    public async Task<TResult> Query<TResult>(Func<DebateDbContext, Task<TResult>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DebateDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }
}
