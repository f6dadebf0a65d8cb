using System.Globalization;
using DebateEvents.Host.Embedded;

namespace DebateEvents.Host.Stats;

/// <summary>
/// In embedded mode, one log line every 10 s that shows the pipeline at work: per topic what was consumed,
/// processed and dead-lettered and the consumers' lag, what the outbox delivered and still holds. Silent while
/// nothing moves.
/// </summary>
internal sealed partial class PipelineSummary(KafkaTrafficStats stats, KafkaConnection connection, ILogger<PipelineSummary> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connection.Embedded is null)
        {
            return;
        }

        var lastDelivered = -1L;
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var delivered = stats.OutboxDelivered;
            var (backlog, oldest) = stats.Outbox();
            if (delivered == lastDelivered && backlog == 0)
            {
                continue;
            }

            lastDelivered = delivered;
            var lag = stats.LagPerTopic();
            var topics = string.Join("; ", stats.Topics.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => string.Create(CultureInfo.InvariantCulture,
                $"{t.Key} consumed {t.Value.Consumed} processed {t.Value.Processed} dead-lettered {t.Value.DeadLettered} lag {lag.GetValueOrDefault(t.Key)}")));
            LogSummary(delivered, backlog, oldest, topics);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Pipeline: outbox delivered {Delivered}, backlog {Backlog} (oldest {OldestSeconds:0.0} s); {Topics}")]
    private partial void LogSummary(long delivered, long backlog, double oldestSeconds, string topics);
}
