namespace DebateEvents.Host.Stats;

/// <summary>The newest publish-to-acknowledgement latencies in a fixed ring, for percentiles over recent traffic.</summary>
internal sealed class LatencyWindow(int capacity = 1024)
{
    private readonly double[] _values = new double[capacity];
    private readonly Lock _gate = new();
    private long _count;

    /// <summary>Keeps <paramref name="milliseconds"/>, dropping the oldest value once the ring is full.</summary>
    public void Add(double milliseconds)
    {
        lock (_gate)
        {
            _values[_count++ % _values.Length] = milliseconds;
        }
    }

    /// <summary>How many values the window holds and their p50, p95 and p99 (nearest rank), or nulls when empty.</summary>
    public (int Count, double? P50, double? P95, double? P99) Percentiles()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = _values[..(int)Math.Min(_count, _values.Length)];
        }

        Array.Sort(sorted);
        double? At(double p) => sorted.Length == 0 ? null : sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return (sorted.Length, At(0.50), At(0.95), At(0.99));
    }
}
