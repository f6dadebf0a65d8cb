using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using DebateEvents.Embedded;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// The rider scenario's produce rounds at one record size. Every subject is warmed the same way: first it sends
/// <see cref="RiderSettings.WarmUpRounds"/> full rounds through a producer started for it alone (its own
/// topics), which is then stopped. The JIT's tiers belong to methods, not instances, so the measured producers start on
/// the same steady-state code, whichever subject's call path is deeper. The measured producers then send a
/// quarter-size round (connecting them) and the measured rounds, subjects alternating within each round; the best
/// measured round of each subject counts.
/// </summary>
internal static class RiderProduce
{
    private const int InFlight = 20_000;

    /// <summary>
    /// Measures the subjects; raw's last round goes to <paramref name="rawTopic"/> and the one before to
    /// <paramref name="rawWarmUpTopic"/> (the consume rounds read both), ours' rounds to <paramref name="oursTopic"/>.
    /// </summary>
    public static async Task<(double Raw, double Ours, double Wolverine, double WolverineInline)> MeasureAsync(EmbeddedKafkaCluster cluster,
        RiderSettings settings, RiderBenchmarkEvent[] events, EventRecord[] records, string rawTopic, string rawWarmUpTopic, string oursTopic,
        int payloadBytes, CancellationToken cancellationToken)
    {
        var count = events.Length;
        if (settings.WarmUpRounds > 0)
        {
            await using var warming = await RiderProducers.StartAsync(cluster, settings, events, records,
                _ => RiderScenario.NewTopic(cluster, "raw-warm-up", payloadBytes), RiderScenario.NewTopic(cluster, "rider-warm-up", payloadBytes),
                payloadBytes, cancellationToken);
            Console.WriteLine($"rider {payloadBytes} B: {settings.WarmUpRounds} warm-up rounds per subject, on producers of their own");
            for (var round = 0; round < settings.WarmUpRounds; round++)
            {
                await RunRound(warming, round, count);
            }
        }

        var last = settings.MeasuredRounds;
        await using var producers = await RiderProducers.StartAsync(cluster, settings, events, records,
            round => round == last ? rawTopic : round == last - 1 ? rawWarmUpTopic : RiderScenario.NewTopic(cluster, "raw", payloadBytes),
            oursTopic, payloadBytes, cancellationToken);
        (double Raw, double Ours, double Wolverine, double WolverineInline) best = default;
        for (var round = 0; round <= last; round++)
        {
            var rates = await RunRound(producers, round, round == 0 ? count / 4 : count);
            if (round > 0)
            {
                best = (Math.Max(best.Raw, rates.Raw), Math.Max(best.Ours, rates.Ours), Math.Max(best.Wolverine, rates.Wolverine),
                    Math.Max(best.WolverineInline, rates.WolverineInline));
            }
        }

        return best;
    }

    private static async Task<(double Raw, double Ours, double Wolverine, double WolverineInline)> RunRound(RiderProducers producers, int round, int size)
    {
        var raw = producers.Raw is { } sendRaw ? await sendRaw(round, size) : 0;
        var ours = producers.Ours is { } sendOurs ? await sendOurs(round, size) : 0;
        var wolverineInline = producers.WolverineInline is { } sendInline ? await sendInline(round, size) : 0;
        var wolverine = producers.Wolverine is { } sendBuffered ? await sendBuffered(round, size) : 0;
        return (raw, ours, wolverine, wolverineInline);
    }

    /// <summary>Runs one produce round and prints its process CPU and allocated bytes per record (every thread, librdkafka's too).</summary>
    public static async Task<double> Costed(string label, int count, Func<Task<double>> round)
    {
        var jitted = JitInfo.GetCompiledMethodCount();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        var rate = await round();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rider {label} produce: {rate:0} msg/s, {cpu.TotalMicroseconds / count:0.00} µs CPU and {(GC.GetTotalAllocatedBytes() - allocatedBefore) / count} B per record, GC paused {(GC.GetTotalPauseDuration() - paused).TotalMicroseconds / count:0.00} µs per record, {JitInfo.GetCompiledMethodCount() - jitted} methods jitted"));
        return rate;
    }

    /// <summary>Runs <paramref name="count"/> sends with at most <see cref="InFlight"/> unacknowledged; returns msg/s.</summary>
    public static async Task<double> Timed(int count, Func<int, Task> send)
    {
        using var window = new SemaphoreSlim(InFlight);
        var pending = new Task[count];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await window.WaitAsync();
            pending[i] = send(i).ContinueWith(static (t, w) => ((SemaphoreSlim)w!).Release(), window, TaskScheduler.Default);
        }

        await Task.WhenAll(pending);
        return count / watch.Elapsed.TotalSeconds;
    }
}
