using Zamaz.Debate.Events;

namespace DebateEvents.Host.Simulation;

/// <summary>
/// Realistic debates, one event at a time: a debate starts, its participants argue over its rounds, it
/// completes, a decision is made and measured, and now and then the decision makes the system evolve.
/// A small share of arguments name a debate that never started, which the debate processor rejects.
/// </summary>
internal sealed class DebateScript(Random random, double rejectedShare)
{
    private static readonly string[] Agents = ["claude", "gemini", "gpt", "llama", "mistral"];
    private static readonly string[] Questions =
        ["Monolith or services?", "Adopt event sourcing?", "Kafka or a database queue?", "Rewrite the scheduler?", "Cache the read models?"];

    private readonly Queue<object> _pending = new();

    /// <summary>The next event to publish.</summary>
    public object Next()
    {
        if (random.NextDouble() < rejectedShare)
        {
            return Argument(Guid.NewGuid(), 1, "stranger");
        }

        if (_pending.Count == 0)
        {
            Plan();
        }

        return _pending.Dequeue();
    }

    private void Plan()
    {
        var id = Guid.NewGuid();
        var participants = Agents.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToArray();
        var rounds = random.Next(1, 4);
        var now = DateTimeOffset.UtcNow;
        _pending.Enqueue(new DebateInitiated
        {
            DebateId = id, Question = Questions[random.Next(Questions.Length)], Participants = participants,
            RoundsPlanned = rounds, InitiatedBy = "simulator", OccurredAt = now,
        });
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var participant in participants)
            {
                _pending.Enqueue(Argument(id, round, participant));
            }
        }

        var winner = (Position)random.Next(0, 3);
        _pending.Enqueue(new DebateCompleted
        {
            DebateId = id, Outcome = DebateOutcome.Majority, WinningPosition = winner, Rounds = rounds,
            DurationMs = random.Next(1_000, 120_000), OccurredAt = now,
        });
        var evolutionary = random.NextDouble() < 0.2;
        _pending.Enqueue(new DecisionMade
        {
            DecisionId = Guid.NewGuid(), DebateId = id, Decision = $"Go with {winner}", Confidence = Math.Round((decimal)random.NextDouble(), 4),
            DecisionType = evolutionary ? DecisionType.Evolutionary : DecisionType.Simple, Rationale = null,
            ImplementationRequired = evolutionary, OccurredAt = now,
        });
        _pending.Enqueue(new MetricRecorded
        {
            Name = "debate.rounds", Value = rounds, Unit = "{round}", Tags = new Dictionary<string, string> { ["initiated_by"] = "simulator" },
            OccurredAt = now,
        });
        if (evolutionary)
        {
            _pending.Enqueue(new EvolutionTriggered
            {
                EvolutionId = Guid.NewGuid(), Feature = "debate-format", Trigger = "decision", Impact = EvolutionImpact.Medium,
                DebateId = id, OccurredAt = now,
            });
        }
    }

    private ArgumentSubmitted Argument(Guid debate, int round, string participant) => new()
    {
        DebateId = debate, Round = round, Participant = participant, Position = (Position)random.Next(0, 3),
        Content = $"Round {round}: {participant} weighs in.", Confidence = Math.Round(random.NextDouble(), 2),
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
