using System.Diagnostics;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>
/// Samples the process's working set and the GC heap every 250 ms while a phase runs: the phase's peaks, and the
/// series a soak is judged flat on. The working set includes the embedded cluster, which runs in this process.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public MemorySampler() => _loop = Task.Run(SampleAsync);

    /// <summary>(seconds since start, working set MB, GC heap MB).</summary>
    public List<(double Seconds, double WorkingSetMb, double HeapMb)> Samples { get; } = [];

    public double PeakWorkingSetMb { get; private set; }

    public double PeakHeapMb { get; private set; }

    /// <summary>Peak working set over the samples taken between the two fractions of the run.</summary>
    public double PeakBetween(double fromFraction, double toFraction)
    {
        lock (Samples)
        {
            var end = Samples.Count == 0 ? 0 : Samples[^1].Seconds;
            return Samples.Where(s => s.Seconds >= end * fromFraction && s.Seconds <= end * toFraction).Select(s => s.WorkingSetMb).DefaultIfEmpty().Max();
        }
    }

    private async Task SampleAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            var workingSet = process.WorkingSet64 / 1048576.0;
            var heap = GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0;
            lock (Samples)
            {
                Samples.Add((_clock.Elapsed.TotalSeconds, workingSet, heap));
                PeakWorkingSetMb = Math.Max(PeakWorkingSetMb, workingSet);
                PeakHeapMb = Math.Max(PeakHeapMb, heap);
            }

            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
