namespace DebateEvents.Kafka;

/// <summary>
/// Published on the bus after a record was written to its dead-letter topic (and only then), for alerting.
/// Consume it like any event: <c>x.AddConsumer&lt;DeadLetterAlerts&gt;()</c>.
/// </summary>
public sealed record KafkaRecordDeadLettered
{
    /// <summary>The topic the record was consumed from.</summary>
    public required string SourceTopic { get; init; }

    /// <summary>Its partition there.</summary>
    public required int SourcePartition { get; init; }

    /// <summary>Its offset there.</summary>
    public required long SourceOffset { get; init; }

    /// <summary>The consumer group of the endpoint.</summary>
    public required string ConsumerGroup { get; init; }

    /// <summary>The dead-letter topic it was written to.</summary>
    public required string DeadLetterTopic { get; init; }

    /// <summary>Its offset in the dead-letter topic.</summary>
    public required long DeadLetterOffset { get; init; }

    /// <summary>The <c>ce_type</c> of the record, if it had one.</summary>
    public string? EventType { get; init; }

    /// <summary>The <c>ce_id</c> of the record, if it had one.</summary>
    public string? EventId { get; init; }

    /// <summary>One of the <see cref="DeadLetter.DeadLetterHeaders"/> reasons.</summary>
    public required string Reason { get; init; }

    /// <summary>Full name of the exception type.</summary>
    public required string ExceptionType { get; init; }

    /// <summary>The exception message.</summary>
    public required string ExceptionMessage { get; init; }

    /// <summary>Consumer invocations before giving up.</summary>
    public required int Attempts { get; init; }

    /// <summary>When the record was dead-lettered.</summary>
    public required DateTimeOffset FailedAt { get; init; }
}
