using DebateEvents.Host.Configuration;
using DebateEvents.Host.ReadModels;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Simulation;

/// <summary>
/// Publishes simulated debates through the outbox at the configured rate, so a host on its embedded defaults
/// shows the whole pipeline working: events on every topic, processors updating read models, the occasional
/// dead letter. Each event is published and committed like an HTTP request's.
/// </summary>
internal sealed partial class DebateSimulator(
    IServiceScopeFactory scopes, IOptions<SimulatorOptions> options, IOptions<KafkaOptions> kafka, ILogger<DebateSimulator> logger) : BackgroundService
{
    private const int DefaultEmbeddedRate = 2;

    /// <summary>The rate in effect: the configured one, or the default for the mode.</summary>
    public int Rate => options.Value.Rate ?? (kafka.Value.IsEmbedded ? DefaultEmbeddedRate : 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var rate = Rate;
        if (rate == 0)
        {
            return;
        }

        LogStarted(rate);
        var script = new DebateScript(new Random(), options.Value.RejectedShare);
        // Up to 10 ticks a second; faster rates publish several events per tick.
        var ticksPerSecond = Math.Min(rate, 10);
        var perTick = Math.Max(1, rate / ticksPerSecond);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / ticksPerSecond));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PublishAsync(script, perTick, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPublishFailed(ex);
            }
        }
    }

    private async Task PublishAsync(DebateScript script, int count, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var db = scope.ServiceProvider.GetRequiredService<DebateDbContext>();
        for (var i = 0; i < count; i++)
        {
            var message = script.Next();
            await publisher.Publish(message, message.GetType(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Debate simulator publishing {Rate} events per second (DEBATE_SIMULATOR_RATE=0 turns it off)")]
    private partial void LogStarted(int rate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Debate simulator could not publish; it tries again on the next tick")]
    private partial void LogPublishFailed(Exception exception);
}
