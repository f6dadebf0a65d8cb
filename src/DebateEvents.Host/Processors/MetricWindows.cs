namespace DebateEvents.Host.Processors;

/// <summary>
/// A sliding window of recent measurements per metric name, for rates and window averages. Held
/// in memory: after a restart the window refills from new measurements, while the totals in the
/// database carry on.
/// </summary>
public sealed class MetricWindows(TimeProvider clock)
{
    /// <summary>How far back the window reaches.</summary>
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Queue<(DateTimeOffset At, double Value)>> _windows = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Adds a measurement taken at <paramref name="at"/>.</summary>
    public void Add(string name, double value, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_windows.TryGetValue(name, out var window))
            {
                _windows[name] = window = new Queue<(DateTimeOffset, double)>();
            }

            window.Enqueue((at, value));
            Trim(window);
        }
    }

    /// <summary>Measurements per second and their average over the window; zeros when there are none.</summary>
    public (double PerSecond, double Average, int Count) Snapshot(string name)
    {
        lock (_gate)
        {
            if (!_windows.TryGetValue(name, out var window))
            {
                return (0, 0, 0);
            }

            Trim(window);
            return window.Count == 0
                ? (0, 0, 0)
                : (window.Count / Width.TotalSeconds, window.Average(m => m.Value), window.Count);
        }
    }

    private void Trim(Queue<(DateTimeOffset At, double Value)> window)
    {
        var horizon = clock.GetUtcNow() - Width;
        while (window.Count > 0 && window.Peek().At < horizon)
        {
            window.Dequeue();
        }
    }
}
