using DebateEvents.Kafka.Configuration;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// An endpoint's faults and restarts, for its health: whether it is recovering from a fault right now, the
/// last fault, how many restarts in all, and whether too many fell within the unhealthy window.
/// </summary>
internal sealed class RestartHistory
{
    private readonly EndpointRestartOptions _options;
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recent = new();
    private volatile bool _recovering;
    private int _count;
    private string? _lastFault;

    public RestartHistory(EndpointRestartOptions options)
    {
        _options = options;
    }

    /// <summary>True from a fault until a new consumer is polling again.</summary>
    public bool Recovering => _recovering;

    /// <summary>Restarts since the endpoint started.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The last fault as "type: message", or null when there was none.</summary>
    public string? LastFault => Volatile.Read(ref _lastFault);

    /// <summary>The consumer faulted with <paramref name="exception"/>; the endpoint is recovering until <see cref="Recovered"/>.</summary>
    public void Faulted(Exception exception)
    {
        Volatile.Write(ref _lastFault, $"{exception.GetType().Name}: {exception.Message}");
        _recovering = true;
    }

    /// <summary>A new consumer replaced the faulted one at <paramref name="at"/>.</summary>
    public void Restarted(DateTimeOffset at)
    {
        Interlocked.Increment(ref _count);
        lock (_gate)
        {
            _recent.Enqueue(at);
            while (_recent.Count > _options.UnhealthyRestarts)
            {
                _recent.Dequeue();
            }
        }
    }

    /// <summary>A consumer is polling again.</summary>
    public void Recovered() => _recovering = false;

    /// <summary>Whether at least the configured number of restarts happened within the window before <paramref name="now"/>.</summary>
    public bool TooMany(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _recent.Count >= _options.UnhealthyRestarts && now - _recent.Peek() <= _options.UnhealthyWindow;
        }
    }
}
