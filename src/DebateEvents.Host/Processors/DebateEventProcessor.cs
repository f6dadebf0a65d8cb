using DebateEvents.Host.ReadModels;
using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Processors;

/// <summary>Keeps the read model of each debate: status, current round, argument count, participants, outcome.</summary>
public sealed class DebateEventProcessor(DebateDbContext db) :
    IConsumer<DebateInitiated>,
    IConsumer<ArgumentSubmitted>,
    IConsumer<DebateCompleted>
{
    /// <summary>Opens the debate's read model; a redelivered event leaves it as it is.</summary>
    public async Task Consume(ConsumeContext<DebateInitiated> context)
    {
        var e = context.Message;
        if (await db.Debates.FindAsync([e.DebateId], context.CancellationToken) is not null)
        {
            return;
        }

        db.Debates.Add(new DebateView
        {
            Id = e.DebateId,
            Question = e.Question,
            Participants = [.. e.Participants],
            RoundsPlanned = e.RoundsPlanned,
            Status = DebateStatus.Open,
            UpdatedAt = e.OccurredAt,
        });
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Counts the argument (in total, per position and per participant) and advances the current round.</summary>
    public async Task Consume(ConsumeContext<ArgumentSubmitted> context)
    {
        var e = context.Message;
        var debate = await Find(e.DebateId, nameof(ArgumentSubmitted), context.CancellationToken);
        debate.ArgumentCount++;
        _ = e.Position switch
        {
            Position.For => debate.ArgumentsFor++,
            Position.Against => debate.ArgumentsAgainst++,
            _ => debate.ArgumentsNeutral++,
        };
        // A new dictionary, so EF sees the JSON column change.
        debate.ArgumentsPerParticipant = new(debate.ArgumentsPerParticipant) { [e.Participant] = debate.ArgumentsPerParticipant.GetValueOrDefault(e.Participant) + 1 };
        debate.CurrentRound = Math.Max(debate.CurrentRound, e.Round);
        debate.UpdatedAt = e.OccurredAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Closes the debate with its outcome.</summary>
    public async Task Consume(ConsumeContext<DebateCompleted> context)
    {
        var e = context.Message;
        var debate = await Find(e.DebateId, nameof(DebateCompleted), context.CancellationToken);
        debate.Status = DebateStatus.Completed;
        debate.Outcome = e.Outcome;
        debate.WinningPosition = e.WinningPosition;
        debate.CurrentRound = Math.Max(debate.CurrentRound, e.Rounds);
        debate.UpdatedAt = e.OccurredAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private async Task<DebateView> Find(Guid debateId, string eventType, CancellationToken cancellationToken) =>
        await db.Debates.FindAsync([debateId], cancellationToken) ?? throw new UnknownDebateException(debateId, eventType);
}
