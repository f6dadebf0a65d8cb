namespace DebateEvents.Kafka;

/// <summary>
/// Thrown instead of producing while the producer's circuit breaker is open, so callers fail fast
/// rather than queueing records for a broker that keeps failing.
/// </summary>
public sealed class ProducerCircuitOpenException : Exception
{
    /// <summary>Creates the exception; <paramref name="retryAfter"/> is when the breaker lets a trial call through.</summary>
    public ProducerCircuitOpenException(string topic, DateTimeOffset retryAfter, Exception? lastFailure)
        : base($"The Kafka producer circuit is open after repeated failures; not producing to '{topic}' before {retryAfter:O}.", lastFailure)
    {
        Topic = topic;
        RetryAfter = retryAfter;
    }

    /// <summary>The topic the rejected call was for.</summary>
    public string Topic { get; }

    /// <summary>When the breaker next lets a call through.</summary>
    public DateTimeOffset RetryAfter { get; }
}
