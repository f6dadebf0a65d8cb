namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>An earlier argument the benchmark event cites: the array-of-records part of the payload.</summary>
internal sealed class AvroBenchmarkCitation
{
    public Guid ArgumentId { get; set; }

    public string Participant { get; set; } = "";

    public double Weight { get; set; }
}
