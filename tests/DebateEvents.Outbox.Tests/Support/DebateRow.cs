namespace DebateEvents.Outbox.Tests.Support;

public sealed class DebateRow
{
    public Guid Id { get; set; }

    public string Question { get; set; } = "";

    /// <summary>How many times an inbox consumer handled an event for this debate.</summary>
    public int Handled { get; set; }
}
