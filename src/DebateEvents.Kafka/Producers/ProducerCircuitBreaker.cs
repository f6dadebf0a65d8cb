namespace DebateEvents.Kafka.Producers;

/// <summary>
/// Opens after <c>threshold</c> consecutive failed deliveries and rejects calls for the break duration;
/// then lets calls through again (half-open): one success closes it, one failure reopens it.
/// </summary>
internal sealed class ProducerCircuitBreaker
{
    private readonly int _threshold;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;
    private volatile bool _everOpened;
    private Exception? _lastFailure;

    public ProducerCircuitBreaker(int threshold, TimeSpan breakDuration, TimeProvider time)
    {
        _threshold = threshold;
        _breakDuration = breakDuration;
        _time = time;
    }

    /// <summary>True while calls are rejected.</summary>
    public bool IsOpen => _threshold > 0 && _everOpened && _time.GetUtcNow() < _openUntil;

    /// <summary>Throws <see cref="ProducerCircuitOpenException"/> while the breaker is open.</summary>
    public void ThrowIfOpen(string topic)
    {
        if (IsOpen)
        {
            throw new ProducerCircuitOpenException(topic, _openUntil, _lastFailure);
        }
    }

    public void RecordSuccess()
    {
        if (Volatile.Read(ref _consecutiveFailures) != 0)
        {
            lock (_gate)
            {
                _consecutiveFailures = 0;
            }
        }
    }

    /// <summary>Counts a failure; returns true when this failure opened the breaker.</summary>
    public bool RecordFailure(Exception exception)
    {
        if (_threshold <= 0)
        {
            return false;
        }

        lock (_gate)
        {
            _lastFailure = exception;
            _consecutiveFailures++;
            if (_consecutiveFailures < _threshold || IsOpen)
            {
                return false;
            }

            // Half-open after the break: the next failure reopens at once, a success resets the count.
            _consecutiveFailures = _threshold - 1;
            _openUntil = _time.GetUtcNow() + _breakDuration;
            // Until the breaker first opens, every send skips reading the clock.
            _everOpened = true;
            return true;
        }
    }
}
