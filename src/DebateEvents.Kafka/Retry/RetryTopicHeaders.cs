namespace DebateEvents.Kafka.Retry;

/// <summary>Headers on records in <c>{topic}.retry</c>, besides the original headers which are kept.</summary>
public static class RetryTopicHeaders
{
    /// <summary>Which retry-topic attempt this is (1 for the first); 0 for a record only held back behind its key.</summary>
    public const string Attempt = "retry-attempt";

    /// <summary>Unix time in milliseconds before which the endpoint does not process the record.</summary>
    public const string DueAt = "retry-due-at";

    /// <summary>Consumer invocations so far over every delivery, carried into the dead-letter headers.</summary>
    public const string ConsumerAttempts = "retry-consumer-attempts";

    /// <summary>The topic, partition and offset the record was first consumed from, as <c>topic/partition/offset</c>.</summary>
    public const string Origin = "retry-origin";
}
