using Zamaz.Debate.Events;

namespace DebateEvents.Host.ReadModels;

/// <summary>One entry of the evolution history, kept by the EvolutionEventProcessor.</summary>
public sealed class EvolutionRecord
{
    /// <summary>The evolution id.</summary>
    public Guid Id { get; set; }

    /// <summary>The feature that evolved.</summary>
    public string Feature { get; set; } = "";

    /// <summary>What triggered it.</summary>
    public string Trigger { get; set; } = "";

    /// <summary>How much it changes the system.</summary>
    public EvolutionImpact Impact { get; set; }

    /// <summary>The debate behind it, if any.</summary>
    public Guid? DebateId { get; set; }

    /// <summary>When it was triggered.</summary>
    public DateTimeOffset OccurredAt { get; set; }
}
