using DebateEvents.Benchmarks.Scenarios;

namespace DebateEvents.Benchmarks.Peer;

/// <summary>Wolverine's counterpart of <see cref="RiderNoOpConsumer"/>: counts and does nothing else.</summary>
public static class WolverineNoOpHandler
{
    public static void Handle(RiderBenchmarkEvent message, RiderConsumeCounter counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        counter.Increment();
    }
}
