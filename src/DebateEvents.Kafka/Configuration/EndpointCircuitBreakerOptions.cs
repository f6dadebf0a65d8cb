namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// The endpoint's kill switch: when at least <see cref="ActivityThreshold"/> records were handled
/// within <see cref="TrackingPeriod"/> and the faulted share reaches <see cref="TripThreshold"/>,
/// the endpoint pauses every partition for <see cref="RestartTimeout"/>, then resumes.
/// </summary>
public sealed class EndpointCircuitBreakerOptions
{
    /// <summary>Whether the breaker is on. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Faulted share (0 to 1) that trips the breaker. Default 0.5.</summary>
    public double TripThreshold { get; set; } = 0.5;

    /// <summary>Records within the period before the breaker may trip. Default 20.</summary>
    public int ActivityThreshold { get; set; } = 20;

    /// <summary>Length of the window outcomes are counted in. Default 30 s.</summary>
    public TimeSpan TrackingPeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the endpoint stays paused once tripped. Default 30 s.</summary>
    public TimeSpan RestartTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
