using DebateEvents.Kafka.Configuration;

namespace DebateEvents.Kafka.Consumers;

/// <summary>Counts outcomes in a tumbling window and trips when the faulted share passes the threshold.</summary>
internal sealed class EndpointCircuitBreaker
{
    private readonly EndpointCircuitBreakerOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart;
    private int _attempts;
    private int _failures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    public EndpointCircuitBreaker(EndpointCircuitBreakerOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _windowStart = time.GetUtcNow();
    }

    /// <summary>Times the breaker tripped, for the health report.</summary>
    public int Trips { get; private set; }

    public bool IsOpen => _options.Enabled && _time.GetUtcNow() < _openUntil;

    /// <summary>Counts one outcome; returns true when it tripped the breaker.</summary>
    public bool Record(bool faulted)
    {
        if (!_options.Enabled)
        {
            return false;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now < _openUntil)
            {
                return false;
            }

            if (now - _windowStart > _options.TrackingPeriod)
            {
                _windowStart = now;
                _attempts = 0;
                _failures = 0;
            }

            _attempts++;
            _failures += faulted ? 1 : 0;
            if (_attempts < _options.ActivityThreshold || _failures < _attempts * _options.TripThreshold)
            {
                return false;
            }

            _openUntil = now + _options.RestartTimeout;
            _windowStart = _openUntil;
            _attempts = 0;
            _failures = 0;
            Trips++;
            return true;
        }
    }
}
