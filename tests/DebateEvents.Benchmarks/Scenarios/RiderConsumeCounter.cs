using System.Diagnostics;
using System.Runtime;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Counts consumed events, notes when the warm-up ended and when the expected last event arrived (on the
/// consuming thread, so a busy thread pool cannot skew the clock), and completes <see cref="Done"/> then.
/// </summary>
public sealed class RiderConsumeCounter
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;
    private long _warmAt;
    private long _lastAt;
    private TimeSpan _warmCpu;
    private TimeSpan _lastCpu;
    private long _warmJitted;
    private long _lastJitted;

    public int Expected { get; init; } = int.MaxValue;

    /// <summary>Events consumed before the clock starts.</summary>
    public int WarmUp { get; init; }

    public Task Done => _done.Task;

    /// <summary>Time from the end of the warm-up to the last expected event.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_warmAt, _lastAt);

    /// <summary>The process's CPU time (every thread's, the embedded broker's included) per event timed, in µs.</summary>
    public double CpuMicrosecondsPerEvent => (_lastCpu - _warmCpu).TotalMicroseconds / (Expected - WarmUp);

    /// <summary>Methods the JIT compiled while the clock ran (tiering up, or code new to this round).</summary>
    public long MethodsJittedTimed => _lastJitted - _warmJitted;

    public void Increment()
    {
        var count = Interlocked.Increment(ref _count);
        if (count == WarmUp)
        {
            _warmAt = Stopwatch.GetTimestamp();
            _warmCpu = Process.GetCurrentProcess().TotalProcessorTime;
            _warmJitted = JitInfo.GetCompiledMethodCount();
        }
        else if (count == Expected)
        {
            _lastAt = Stopwatch.GetTimestamp();
            _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
            _lastJitted = JitInfo.GetCompiledMethodCount();
            _done.TrySetResult();
        }
    }
}
