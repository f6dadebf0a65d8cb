namespace DebateEvents.Outbox.Storage;

/// <summary>
/// One serialized Kafka record waiting in the outbox table. Body and headers are fixed when the event
/// is published; the dispatcher only forwards these bytes.
/// </summary>
internal sealed class OutboxMessage
{
    /// <summary>Insertion order; the dispatcher sends a key's rows in this order.</summary>
    public long SequenceNumber { get; set; }

    public Guid EventId { get; set; }

    public string Topic { get; set; } = "";

    public byte[]? Key { get; set; }

    public byte[] Value { get; set; } = [];

    /// <summary>The record headers, encoded by <see cref="HeaderCodec"/>.</summary>
    public byte[] Headers { get; set; } = [];

    /// <summary>Topic and key: rows sharing it are delivered strictly in sequence order.</summary>
    public string OrderingKey { get; set; } = "";

    /// <summary>Hash bucket of <see cref="OrderingKey"/>; instances lease buckets, not rows.</summary>
    public int Bucket { get; set; }

    /// <summary>Unix milliseconds when the event was published.</summary>
    public long CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Unix milliseconds before which a failed row (and its key) is not retried.</summary>
    public long NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Unix milliseconds when the broker acknowledged the record; null while undelivered.</summary>
    public long? DeliveredAt { get; set; }

    /// <summary>
    /// Not stored. Set while a published row waits for SaveChanges: returns the row rebuilt around the same
    /// body when the publish pipe changed the message id or correlation id after the row was written, else null.
    /// </summary>
    public Func<OutboxMessage?>? Refresh { get; set; }
}
