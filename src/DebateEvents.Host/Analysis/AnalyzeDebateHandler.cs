using DebateEvents.Host.ReadModels;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Analysis;

/// <summary>
/// Answers each AnalyzeDebate request, arriving on the request topic, with a DebateAnalysis computed from the
/// DebateEventProcessor's read model, through <c>RespondAsync</c> (the rider produces it to the request's reply topic).
/// A debate the read model does not know is answered with status NOT_FOUND.
/// </summary>
public sealed class AnalyzeDebateHandler(DebateDbContext db) : IConsumer<AnalyzeDebate>
{
    /// <summary>The status of a debate the read model does not hold.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>Reads the debate and responds with its analysis.</summary>
    public async Task Consume(ConsumeContext<AnalyzeDebate> context)
    {
        var id = context.Message.DebateId;
        var debate = await db.Debates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, context.CancellationToken);
        await context.RespondAsync(debate is null ? Unknown(id) : Analyze(debate));
    }

    /// <summary>The analysis of one debate's read model.</summary>
    public static DebateAnalysis Analyze(DebateView debate)
    {
        ArgumentNullException.ThrowIfNull(debate);
        var perPosition = new Dictionary<Position, int>
        {
            [Position.For] = debate.ArgumentsFor,
            [Position.Against] = debate.ArgumentsAgainst,
            [Position.Neutral] = debate.ArgumentsNeutral,
        };
        var perParticipant = debate.Participants.Concat(debate.ArgumentsPerParticipant.Keys).Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, p => debate.ArgumentsPerParticipant.GetValueOrDefault(p), StringComparer.Ordinal);
        return new DebateAnalysis
        {
            DebateId = debate.Id,
            Status = debate.Status == DebateStatus.Completed ? "COMPLETED" : "OPEN",
            Rounds = debate.CurrentRound,
            ArgumentsPerPosition = perPosition.ToDictionary(p => Symbol(p.Key), p => p.Value, StringComparer.Ordinal),
            ArgumentsPerParticipant = perParticipant,
            CurrentLeader = debate.WinningPosition ?? Leader(perPosition),
        };
    }

    private static DebateAnalysis Unknown(Guid id) => new()
    {
        DebateId = id,
        Status = NotFound,
        Rounds = 0,
        ArgumentsPerPosition = Enum.GetValues<Position>().ToDictionary(Symbol, _ => 0, StringComparer.Ordinal),
        ArgumentsPerParticipant = new Dictionary<string, int>(),
    };

    // The position with strictly the most arguments; none on a tie (or with no arguments at all).
    private static Position? Leader(Dictionary<Position, int> perPosition)
    {
        var ranked = perPosition.OrderByDescending(p => p.Value).ToList();
        return ranked[0].Value > ranked[1].Value ? ranked[0].Key : null;
    }

    private static string Symbol(Position position) => position switch
    {
        Position.For => "FOR",
        Position.Against => "AGAINST",
        _ => "NEUTRAL",
    };
}
