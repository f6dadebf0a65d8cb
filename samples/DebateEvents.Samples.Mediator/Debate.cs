namespace DebateEvents.Samples.Mediator;

/// <summary>Application state that changes in the same transaction as the event is published.</summary>
public sealed class Debate
{
    public Guid Id { get; set; }

    public string Question { get; set; } = "";
}
