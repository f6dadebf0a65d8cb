using System.Diagnostics;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>Times an operation: a warm-up, then several timed batches; the median batch gives nanoseconds per call.</summary>
internal static class AvroMeasurement
{
    private const int Batches = 7;
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan BatchLength = TimeSpan.FromMilliseconds(400);

    public static double NanosecondsPerCall(Action operation, CancellationToken cancellationToken)
    {
        var iterations = Calibrate(operation);
        var samples = new double[Batches];
        for (var batch = 0; batch < Batches; batch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
            {
                operation();
            }

            samples[batch] = watch.Elapsed.TotalNanoseconds / iterations;
        }

        Array.Sort(samples);
        return samples[Batches / 2];
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
}
