namespace DebateEvents.Outbox;

/// <summary>What the outbox still holds to send, counted in the database now; the host shows it to operators.</summary>
public interface IOutboxBacklog
{
    /// <summary>
    /// Counts the undelivered rows (parked ones excluded: they left the outbox) in total and per key bucket, with the
    /// oldest row's publish time. The buckets are the ones instances share through leases on PostgreSQL, so a bucket
    /// that keeps growing points at the key, or the instance, that holds it back.
    /// </summary>
    Task<OutboxBacklogReport> MeasureAsync(CancellationToken cancellationToken = default);
}
