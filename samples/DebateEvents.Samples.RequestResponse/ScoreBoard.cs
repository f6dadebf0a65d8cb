using Zamaz.Debate.Events;

namespace DebateEvents.Samples.RequestResponse;

/// <summary>The arguments the sample's handler knows about, standing in for a read model.</summary>
public sealed class ScoreBoard
{
    private readonly Dictionary<Guid, List<(string Participant, Position Position)>> _arguments = [];

    public void Add(Guid debateId, string participant, Position position)
    {
        if (!_arguments.TryGetValue(debateId, out var arguments))
        {
            _arguments[debateId] = arguments = [];
        }

        arguments.Add((participant, position));
    }

    public IReadOnlyList<(string Participant, Position Position)> Of(Guid debateId) =>
        _arguments.TryGetValue(debateId, out var arguments) ? arguments : [];
}
