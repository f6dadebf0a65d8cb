namespace DebateEvents.Kafka.DeadLetter;

/// <summary>
/// Headers added to a record copied to <c>{topic}.dead-letter</c>. The original key, value and headers
/// are kept unchanged; these say where it came from and why it failed.
/// </summary>
public static class DeadLetterHeaders
{
    /// <summary>The topic the record was consumed from.</summary>
    public const string SourceTopic = "dlt-source-topic";

    /// <summary>The partition it was consumed from.</summary>
    public const string SourcePartition = "dlt-source-partition";

    /// <summary>Its offset in that partition.</summary>
    public const string SourceOffset = "dlt-source-offset";

    /// <summary>The consumer group that gave up on it.</summary>
    public const string ConsumerGroup = "dlt-consumer-group";

    /// <summary>Why: <see cref="ReasonConsumerFaulted"/>, <see cref="ReasonUnknownType"/> or <see cref="ReasonUndeserializable"/>.</summary>
    public const string Reason = "dlt-reason";

    /// <summary>Full name of the exception type.</summary>
    public const string ExceptionType = "dlt-exception-type";

    /// <summary>The exception message.</summary>
    public const string ExceptionMessage = "dlt-exception-message";

    /// <summary>The stack trace, truncated to <see cref="MaxStackTraceLength"/> characters.</summary>
    public const string ExceptionStackTrace = "dlt-exception-stacktrace";

    /// <summary>How many times a consumer was invoked (zero when the record was never dispatched).</summary>
    public const string Attempts = "dlt-attempts";

    /// <summary>When the record was dead-lettered, RFC 3339.</summary>
    public const string FailedAt = "dlt-failed-at";

    /// <summary>Length the stack trace header is cut to.</summary>
    public const int MaxStackTraceLength = 4000;

    /// <summary>The consumer threw after every in-process and retry-topic attempt.</summary>
    public const string ReasonConsumerFaulted = "consumer-faulted";

    /// <summary>The <c>ce_type</c> header is missing or names no known type.</summary>
    public const string ReasonUnknownType = "unknown-type";

    /// <summary>The body could not be read as the named type, or its content type has no serializer.</summary>
    public const string ReasonUndeserializable = "undeserializable";
}
