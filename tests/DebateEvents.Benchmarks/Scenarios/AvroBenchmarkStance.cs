namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>The side an argument in the benchmark event takes.</summary>
internal enum AvroBenchmarkStance
{
    For,
    Against,
    Neutral,
}
