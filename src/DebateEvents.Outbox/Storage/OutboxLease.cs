namespace DebateEvents.Outbox.Storage;

/// <summary>Which dispatcher instance may send the rows of one hash bucket, and until when.</summary>
internal sealed class OutboxLease
{
    public int Bucket { get; set; }

    public string? Owner { get; set; }

    /// <summary>Unix milliseconds; an expired lease may be taken by any instance.</summary>
    public long ExpiresAt { get; set; }
}
