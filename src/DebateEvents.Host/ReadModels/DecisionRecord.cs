using Zamaz.Debate.Events;

namespace DebateEvents.Host.ReadModels;

/// <summary>A decision as recorded by the DecisionEventProcessor.</summary>
public sealed class DecisionRecord
{
    /// <summary>The decision id.</summary>
    public Guid Id { get; set; }

    /// <summary>The debate the decision came from.</summary>
    public Guid DebateId { get; set; }

    /// <summary>What was decided.</summary>
    public string Decision { get; set; } = "";

    /// <summary>How far-reaching the decision is.</summary>
    public DecisionType DecisionType { get; set; }

    /// <summary>Confidence, four decimal places.</summary>
    public decimal Confidence { get; set; }

    /// <summary>Why, when given.</summary>
    public string? Rationale { get; set; }

    /// <summary>Whether it needs implementing.</summary>
    public bool ImplementationRequired { get; set; }

    /// <summary>When the decision was made.</summary>
    public DateTimeOffset OccurredAt { get; set; }
}
