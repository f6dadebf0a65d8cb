using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Delivery;

/// <summary>The dispatcher's reads and writes of the outbox table.</summary>
internal sealed class OutboxStore(IOptions<DebateEventsOutboxOptions> options)
{
    private readonly DebateEventsOutboxOptions _options = options.Value;
    private readonly OutboxDialect _dialect = options.Value.Dialect!;

    /// <summary>
    /// The oldest undelivered rows in sequence order, leaving out every key that has a row waiting
    /// for its retry time (a failing key holds back only its own later rows) and the rows in <paramref name="sent"/>,
    /// acknowledged already and waiting for their mark.
    /// </summary>
    public async Task<List<OutboxMessage>> LoadBatchAsync(DbContext db, IReadOnlyCollection<int>? buckets, long now, IReadOnlySet<long> sent,
        CancellationToken cancellationToken)
    {
        // "next_attempt_at > 0" repeats the filter of the retry index, so the lookup reads only rows waiting for a retry.
        var waiting = db.Set<OutboxMessage>()
            .Where(b => b.DeliveredAt == null && b.NextAttemptAt > 0 && b.NextAttemptAt > now)
            .Select(b => b.OrderingKey);
        var query = _dialect.VisibleMessages(db).AsNoTracking()
            .Where(m => m.DeliveredAt == null && !waiting.Contains(m.OrderingKey));
        if (buckets is not null)
        {
            query = query.Where(m => buckets.Contains(m.Bucket));
        }

        // The rows waiting for their mark are among the oldest pending ones: read past them rather than send a list of them.
        var rows = await query.OrderBy(m => m.SequenceNumber).Take(_options.BatchSize + sent.Count).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (sent.Count > 0)
        {
            rows.RemoveAll(r => sent.Contains(r.SequenceNumber));
        }

        return RetriedRowsGoAlone(rows.Count > _options.BatchSize ? rows[.._options.BatchSize] : rows);
    }

    /// <summary>
    /// A row the broker rejected before is sent without its key's later rows: should it be rejected
    /// again, nothing of that key can overtake it on the broker. (After an outage every row failed
    /// alike, and they go out pipelined again; the idempotent producer keeps their order.)
    /// </summary>
    internal static List<OutboxMessage> RetriedRowsGoAlone(List<OutboxMessage> rows)
    {
        HashSet<string>? retriedKeys = null;
        var batch = new List<OutboxMessage>(rows.Count);
        foreach (var row in rows)
        {
            if (retriedKeys is not null && retriedKeys.Contains(row.OrderingKey))
            {
                continue;
            }

            batch.Add(row);
            if (DeliveryErrors.WasRejected(row.LastError))
            {
                (retriedKeys ??= new HashSet<string>(StringComparer.Ordinal)).Add(row.OrderingKey);
            }
        }

        return batch;
    }

    public async Task MarkDeliveredAsync(DbContext db, List<long> sequenceNumbers, long now, CancellationToken cancellationToken)
    {
        if (sequenceNumbers.Count == 0)
        {
            return;
        }

        var first = sequenceNumbers.Min();
        var last = sequenceNumbers.Max();
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        await db.Set<OutboxMessage>()
            .Where(m => m.SequenceNumber >= first && m.SequenceNumber <= last && sequenceNumbers.Contains(m.SequenceNumber))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveredAt, now), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Counts a failed attempt for each row and schedules its retry; rows the broker rejected
    /// permanently <see cref="DebateEventsOutboxOptions.MaxAttempts"/> times move to the dead-letter table.
    /// </summary>
    /// <returns>How many rows were parked.</returns>
    public async Task<int> RecordFailuresAsync(DbContext db, IReadOnlyList<(OutboxMessage Row, string Error, bool Permanent)> failures,
        long now, CancellationToken cancellationToken)
    {
        if (failures.Count == 0)
        {
            return 0;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var parked = 0;
        foreach (var group in failures.GroupBy(f => (Attempts: f.Row.Attempts + 1, f.Error, Park: f.Permanent && f.Row.Attempts + 1 >= _options.MaxAttempts)))
        {
            var sequenceNumbers = group.Select(f => f.Row.SequenceNumber).ToList();
            if (group.Key.Park)
            {
                db.Set<DeadLetterEntry>().AddRange(group.Select(f => Park(f.Row, group.Key.Attempts, f.Error, now)));
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                await db.Set<OutboxMessage>().Where(m => sequenceNumbers.Contains(m.SequenceNumber)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                parked += sequenceNumbers.Count;
                continue;
            }

            var retryAt = now + (long)Backoff(group.Key.Attempts).TotalMilliseconds;
            await db.Set<OutboxMessage>()
                .Where(m => sequenceNumbers.Contains(m.SequenceNumber))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, group.Key.Attempts)
                    .SetProperty(m => m.NextAttemptAt, retryAt)
                    .SetProperty(m => m.LastError, group.Key.Error), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return parked;
    }

    /// <summary>Undelivered rows and the publish time (Unix ms) of the oldest, or null when none wait.</summary>
    public async Task<(long Count, long? OldestCreatedAt)> MeasureBacklogAsync(DbContext db, CancellationToken cancellationToken)
    {
        var pending = db.Set<OutboxMessage>().Where(m => m.DeliveredAt == null);
        var count = await pending.LongCountAsync(cancellationToken).ConfigureAwait(false);
        var oldest = count == 0 ? null : await pending.MinAsync(m => (long?)m.CreatedAt, cancellationToken).ConfigureAwait(false);
        return (count, oldest);
    }

    /// <summary>Delay before attempt <paramref name="attempts"/> + 1: doubling from the retry delay, capped.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        var delay = _options.RetryDelay.TotalMilliseconds * factor;
        return TimeSpan.FromMilliseconds(Math.Min(delay, _options.MaxRetryDelay.TotalMilliseconds));
    }

    private static DeadLetterEntry Park(OutboxMessage row, int attempts, string error, long now) => new()
    {
        OriginalSequenceNumber = row.SequenceNumber,
        EventId = row.EventId,
        Topic = row.Topic,
        Key = row.Key,
        Value = row.Value,
        Headers = row.Headers,
        OrderingKey = row.OrderingKey,
        Bucket = row.Bucket,
        CreatedAt = row.CreatedAt,
        ParkedAt = now,
        Attempts = attempts,
        Error = error,
    };
}
