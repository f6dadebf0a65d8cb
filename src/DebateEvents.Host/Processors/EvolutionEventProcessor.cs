using DebateEvents.Host.ReadModels;
using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Processors;

/// <summary>Records the evolution history.</summary>
public sealed class EvolutionEventProcessor(DebateDbContext db) : IConsumer<EvolutionTriggered>
{
    /// <summary>Appends the evolution to the history once.</summary>
    public async Task Consume(ConsumeContext<EvolutionTriggered> context)
    {
        var e = context.Message;
        if (await db.Evolutions.FindAsync([e.EvolutionId], context.CancellationToken) is not null)
        {
            return;
        }

        db.Evolutions.Add(new EvolutionRecord
        {
            Id = e.EvolutionId,
            Feature = e.Feature,
            Trigger = e.Trigger,
            Impact = e.Impact,
            DebateId = e.DebateId,
            OccurredAt = e.OccurredAt,
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
