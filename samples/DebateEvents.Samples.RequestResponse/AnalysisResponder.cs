using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Samples.RequestResponse;

/// <summary>A plain MassTransit consumer on the request topic: it answers with <c>RespondAsync</c>, the rider sends the reply to Kafka.</summary>
public sealed class AnalysisResponder(ScoreBoard board) : IConsumer<AnalyzeDebate>
{
    public Task Consume(ConsumeContext<AnalyzeDebate> context)
    {
        var arguments = board.Of(context.Message.DebateId);
        var perPosition = Enum.GetValues<Position>().ToDictionary(p => p.ToString().ToUpperInvariant(), p => arguments.Count(a => a.Position == p));
        return context.RespondAsync(new DebateAnalysis
        {
            DebateId = context.Message.DebateId,
            Status = arguments.Count == 0 ? "NOT_FOUND" : "OPEN",
            Rounds = 1,
            ArgumentsPerPosition = perPosition,
            ArgumentsPerParticipant = arguments.GroupBy(a => a.Participant).ToDictionary(g => g.Key, g => g.Count()),
            CurrentLeader = perPosition.Values.Count(v => v == perPosition.Values.Max()) == 1
                ? Enum.Parse<Position>(perPosition.MaxBy(p => p.Value).Key, ignoreCase: true)
                : null,
        });
    }
}
