namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// How a topic endpoint heals: when its consumer faults (an unexpected exception in the poll loop, a fatal
/// librdkafka error, a consumer that could not be built), the endpoint stops it cleanly and starts a new
/// one in the same group after a backoff of <see cref="FirstDelay"/>, doubling per consecutive fault up to
/// <see cref="MaxDelay"/>, each shortened by up to a fifth at random so instances do not restart in step.
/// </summary>
public sealed class EndpointRestartOptions
{
    /// <summary>Backoff before the first restart after a fault. Default 1 s.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest backoff. A consumer that ran at least this long before faulting counts as recovered, so its
    /// next restart waits <see cref="FirstDelay"/> again. Default 30 s.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Restarts within <see cref="UnhealthyWindow"/> from which the endpoint's health check reports Unhealthy
    /// instead of Degraded; restarts go on regardless. Default 5.
    /// </summary>
    public int UnhealthyRestarts { get; set; } = 5;

    /// <summary>The window <see cref="UnhealthyRestarts"/> are counted in. Default 5 minutes.</summary>
    public TimeSpan UnhealthyWindow { get; set; } = TimeSpan.FromMinutes(5);
}
