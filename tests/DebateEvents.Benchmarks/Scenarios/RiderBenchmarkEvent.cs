namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>The event the rider scenario produces and consumes; <see cref="Payload"/> pads the JSON body to size.</summary>
public sealed record RiderBenchmarkEvent(string DebateId, int Sequence, string Payload);
