using Zamaz.Debate.Events;

namespace DebateEvents.Host.ReadModels;

/// <summary>The read model of one debate, kept by the DebateEventProcessor.</summary>
public sealed class DebateView
{
    /// <summary>The debate id (the Kafka key of its events).</summary>
    public Guid Id { get; set; }

    /// <summary>The question argued.</summary>
    public string Question { get; set; } = "";

    /// <summary>Participants' names, in the order the debate listed them.</summary>
    public List<string> Participants { get; set; } = [];

    /// <summary>Rounds planned when the debate opened.</summary>
    public int RoundsPlanned { get; set; }

    /// <summary>The highest round an argument was submitted in so far.</summary>
    public int CurrentRound { get; set; }

    /// <summary>Arguments submitted so far.</summary>
    public int ArgumentCount { get; set; }

    /// <summary>Arguments taking the FOR position.</summary>
    public int ArgumentsFor { get; set; }

    /// <summary>Arguments taking the AGAINST position.</summary>
    public int ArgumentsAgainst { get; set; }

    /// <summary>Arguments taking the NEUTRAL position.</summary>
    public int ArgumentsNeutral { get; set; }

    /// <summary>Arguments submitted per participant (stored as one JSON column).</summary>
    public Dictionary<string, int> ArgumentsPerParticipant { get; set; } = [];

    /// <summary>Open until the DebateCompleted event arrives.</summary>
    public DebateStatus Status { get; set; }

    /// <summary>How the debate ended, once completed.</summary>
    public DebateOutcome? Outcome { get; set; }

    /// <summary>The position that prevailed, if any.</summary>
    public Position? WinningPosition { get; set; }

    /// <summary>Time of the last event applied.</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
