using System.Diagnostics;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Compares two operations under the same conditions: after a warm-up, it alternates timed batches of the baseline
/// and the subject, so load from other processes hits both alike, and reports medians over the rounds.
/// </summary>
internal static class AvroMeasurement
{
    private const int Rounds = 15;
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan BatchLength = TimeSpan.FromMilliseconds(150);

    /// <summary>Median nanoseconds per call of each, and the median of the per-round ratios baseline / subject.</summary>
    public static (double BaselineNs, double SubjectNs, double Ratio) Compare(Action baseline, Action subject, CancellationToken cancellationToken)
    {
        var baselineIterations = Calibrate(baseline);
        var subjectIterations = Calibrate(subject);
        var baselineNs = new double[Rounds];
        var subjectNs = new double[Rounds];
        var ratios = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            baselineNs[round] = Time(baseline, baselineIterations);
            subjectNs[round] = Time(subject, subjectIterations);
            ratios[round] = baselineNs[round] / subjectNs[round];
        }

        return (Median(baselineNs), Median(subjectNs), Median(ratios));
    }

    public static double BytesAllocatedPerCall(Action operation, int iterations)
    {
        operation();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            operation();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / (double)iterations;
    }

    /// <summary>The result of a call that must not wait: measured calls run with the registry's answers cached.</summary>
    public static T Completed<T>(ValueTask<T> task) => task.IsCompletedSuccessfully
        ? task.Result
        : throw new InvalidOperationException("A measured call went to the schema registry; the benchmark would time HTTP, not the codec.");

    private static double Time(Action operation, long iterations)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            operation();
        }

        return watch.Elapsed.TotalNanoseconds / iterations;
    }

    // Runs for the warm-up period (so the JIT reaches its final tier) and sizes batches to about BatchLength.
    private static long Calibrate(Action operation)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed < WarmUp)
        {
            operation();
            calls++;
        }

        return Math.Max(1, (long)(calls * (BatchLength / watch.Elapsed)));
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
