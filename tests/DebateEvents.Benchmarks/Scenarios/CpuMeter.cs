using System.Diagnostics;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Process CPU time (every thread: publishers, thread pool, SQLite, the embedded broker) and bytes allocated from its start,
/// for a cost per event next to a scenario's rate.
/// </summary>
internal readonly struct CpuMeter
{
    private readonly TimeSpan _cpu;
    private readonly long _allocated;

    private CpuMeter(TimeSpan cpu, long allocated) => (_cpu, _allocated) = (cpu, allocated);

    public static CpuMeter Start() => new(Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes());

    /// <summary>CPU microseconds and allocated bytes per event since <see cref="Start"/>.</summary>
    public (double CpuMicros, long Bytes) PerEvent(int events) =>
        ((Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalMicroseconds / events, (GC.GetTotalAllocatedBytes() - _allocated) / events);
}
