using DebateEvents.Host.ReadModels;
using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Processors;

/// <summary>Aggregates metrics per name: count, sum, min, max and last value, plus a one-minute sliding window.</summary>
public sealed class MetricsEventProcessor(DebateDbContext db, MetricWindows windows) : IConsumer<MetricRecorded>
{
    /// <summary>Folds the measurement into its metric's aggregate.</summary>
    public async Task Consume(ConsumeContext<MetricRecorded> context)
    {
        var e = context.Message;
        var aggregate = await db.Metrics.FindAsync([e.Name], context.CancellationToken);
        if (aggregate is null)
        {
            aggregate = new MetricAggregate { Name = e.Name, Min = e.Value, Max = e.Value, FirstAt = e.OccurredAt };
            db.Metrics.Add(aggregate);
        }

        aggregate.Count++;
        aggregate.Sum += e.Value;
        aggregate.Min = Math.Min(aggregate.Min, e.Value);
        aggregate.Max = Math.Max(aggregate.Max, e.Value);
        aggregate.LastValue = e.Value;
        aggregate.Unit = e.Unit ?? aggregate.Unit;
        aggregate.LastAt = e.OccurredAt;
        await db.SaveChangesAsync(context.CancellationToken);
        windows.Add(e.Name, e.Value, e.OccurredAt);
    }
}
