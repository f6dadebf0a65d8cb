namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>What the processor writes for each event: its effect, committed with the inbox entry.</summary>
public sealed class E2eReadModelRow
{
    public Guid EventId { get; set; }

    public Guid DebateId { get; set; }

    public int Sequence { get; set; }
}
