using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using DebateEvents.Benchmarks.EndToEnd;
using DebateEvents.Benchmarks.Report;
using DebateEvents.Embedded;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Events through the whole pipeline (<see cref="E2ePipeline"/>): at saturation (4 publishers as fast as they go)
/// and at fixed offered rates of 1,000 and 2,000 events/s, each phase on a fresh pipeline warmed by 2,000 events
/// first. Latency runs from the publisher's commit to the processor's inbox commit (HdrHistogram); memory is the
/// process's working set (embedded cluster included) and the GC heap, sampled every 250 ms. The baseline is bare
/// EF Core committing the same domain row in one-row transactions, in the same run. Arguments:
/// <c>--seconds N</c> per fixed-rate phase (default 10), <c>--soak N</c> runs the 2,000/s phase N seconds and
/// judges its memory flat, <c>--out DIR</c> writes the latency picture there, <c>--processor inbox|plain|noop</c>
/// (default inbox) takes the inbox or the processor's writes away to see what they cost, <c>--phase
/// saturation|1000|2000</c> runs that phase alone (for a profiler to attach to its steady state; with
/// <c>--seconds</c> it can run longer), <c>--idle N</c> first measures the warmed pipeline's CPU over N seconds with
/// no events. Each phase prints the process's CPU time per processed event
/// (<c>cpu_us</c>: publishers, dispatcher, embedded broker, endpoint and inbox together, all in this process) and
/// how much of it went to JIT compilation (tiering still runs for about 15 s of a fresh process's load).
/// </summary>
internal static class E2eScenario
{
    private const int Publishers = 4;
    private const int Partitions = 6;
    private const int WarmUpEvents = 2_000;
    private const int SaturationEvents = 20_000;

    public static async Task<string> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = IntArgument(args, "--seconds", 10);
        var soak = IntArgument(args, "--soak", 0);
        var output = Argument(args, "--out");
        var processing = Enum.Parse<E2eProcessing>(Argument(args, "--processor") ?? nameof(E2eProcessing.Inbox), ignoreCase: true);
        var only = Argument(args, "--phase");
        var idleSeconds = IntArgument(args, "--idle", 0);
        using var cluster = EmbeddedKafkaCluster.Start();
        var folder = Path.Combine(Path.GetTempPath(), $"e2e-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var bareEf = await BareEfBaseline.MeasureAsync(folder, Publishers, total: 30_000, rowsPerTransaction: 1, cancellationToken);
        var plan = new (string Label, int Rate, int Events, bool Soak)[]
        {
            ("saturation", 0, only is null ? SaturationEvents : SaturationEvents * seconds / 10, false),
            ("1000", 1_000, 1_000 * seconds, false),
            ("2000", 2_000, 2_000 * (soak > 0 ? soak : seconds), soak > 0),
        };
        var phases = new List<E2ePhase>();
        foreach (var (label, rate, events, soakPhase) in plan.Where(p => only is null || p.Label == only))
        {
            phases.Add(await RunPhaseAsync(cluster, folder, processing, label, rate, events, soakPhase, idleSeconds, cancellationToken));
        }

        Directory.Delete(folder, recursive: true);
        foreach (var phase in phases.SkipLast(1))
        {
            Console.WriteLine(phase.ResultLine(bareEf));
        }

        if (output is not null)
        {
            LatencyPlot.Write(phases, Path.Combine(output, "e2e-latency.png"));
        }

        return phases[^1].ResultLine(bareEf);
    }

    private static async Task<E2ePhase> RunPhaseAsync(EmbeddedKafkaCluster cluster, string folder, E2eProcessing processing, string label, int rate, int events, bool soak,
        int idleSeconds, CancellationToken cancellationToken)
    {
        var log = new E2eLatencyLog();
        var stages = new E2eStageLog();
        await using var pipeline = await E2ePipeline.StartAsync(cluster, folder, Partitions, log, stages, processing);
        await OfferAsync(pipeline, 0, WarmUpEvents, cancellationToken);
        await log.WaitForAsync(WarmUpEvents, TimeSpan.FromMinutes(2), cancellationToken);
        log.Reset();
        stages.Reset();
        if (idleSeconds > 0)
        {
            // The pipeline's cost with nothing to carry: pollers, fetches, timers.
            var idleBefore = ProcessCpu();
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"e2e {label} idle: {(ProcessCpu() - idleBefore).TotalSeconds / idleSeconds:0.000} cores busy with no events"));
        }

        var sampler = new MemorySampler();
        var cpuBefore = ProcessCpu();
        var kernelBefore = ProcessKernelCpu();
        var jitBefore = (Methods: JitInfo.GetCompiledMethodCount(), Time: JitInfo.GetCompilationTime());
        var start = Stopwatch.GetTimestamp();
        var offered = await OfferAsync(pipeline, rate, events, cancellationToken);
        await log.WaitForAsync(events, TimeSpan.FromMinutes(5), cancellationToken);
        var cpuUsPerEvent = (ProcessCpu() - cpuBefore).TotalMicroseconds / events;
        var kernelUsPerEvent = (ProcessKernelCpu() - kernelBefore).TotalMicroseconds / events;
        var jitMethods = JitInfo.GetCompiledMethodCount() - jitBefore.Methods;
        var jitMs = (JitInfo.GetCompilationTime() - jitBefore.Time).TotalMilliseconds;
        var eps = events / Stopwatch.GetElapsedTime(start, log.LastProcessedAt).TotalSeconds;
        await sampler.DisposeAsync();
        Console.WriteLine(stages.ResultLine(label));
        var phase = new E2ePhase(label, processing, rate, offered, eps, log.Snapshot(), sampler.PeakWorkingSetMb, sampler.PeakHeapMb, cpuUsPerEvent);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"e2e {label}: offered {offered:0}/s, processed {eps:0}/s, CPU {cpuUsPerEvent:0} us/event ({kernelUsPerEvent:0} in the kernel, {jitMethods} methods JIT-compiled in {jitMs:0} ms), p50 {phase.Percentile(50):0.0} ms, p99 {phase.Percentile(99):0.0} ms, "
            + $"p99.9 {phase.Percentile(99.9):0.0} ms, peak working set {sampler.PeakWorkingSetMb:0} MB, GC heap {sampler.PeakHeapMb:0} MB"));
        if (soak)
        {
            // Flat: the working set's peak over the last fifth of the soak within 10 % of its peak over the second fifth (after warm-up).
            var early = sampler.PeakBetween(0.2, 0.4);
            var late = sampler.PeakBetween(0.8, 1.0);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT e2e-soak planned_seconds={events / rate} seconds={Stopwatch.GetElapsedTime(start).TotalSeconds:0} ws_early_mb={early:0} ws_late_mb={late:0} growth_pct={(late / early - 1) * 100:0.0} flat={(late <= early * 1.1 ? "pass" : "fail")}"));
        }

        return phase;
    }

    /// <summary>
    /// Commits <paramref name="events"/> units of work from 4 publishers, each on its own schedule at
    /// <paramref name="rate"/> in total (0: as fast as they go); returns the achieved offered rate.
    /// </summary>
    private static async Task<double> OfferAsync(E2ePipeline pipeline, int rate, int events, CancellationToken cancellationToken)
    {
        var perPublisher = events / Publishers;
        var interval = rate == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds((double)Publishers / rate);
        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < perPublisher; i++)
            {
                var ahead = interval * i + TimeSpan.FromTicks(p * interval.Ticks / Publishers) - Stopwatch.GetElapsedTime(start);
                if (ahead > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(ahead, cancellationToken);
                }

                await pipeline.CommitAsync(p, i, cancellationToken);
            }
        }, cancellationToken)));
        return perPublisher * Publishers / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static TimeSpan ProcessKernelCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.PrivilegedProcessorTime;
    }

    private static string? Argument(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntArgument(string[] args, string name, int fallback) =>
        Argument(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
