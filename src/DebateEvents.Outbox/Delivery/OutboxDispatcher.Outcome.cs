using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Delivery;

internal sealed partial class OutboxDispatcher
{
    private async Task RecordOutcomeAsync(DbContext db, List<OutboxMessage> rows, OutboxDelivery[] results, CancellationToken cancellationToken)
    {
        var delivered = new List<long>(rows.Count);
        var failures = new List<(OutboxMessage Row, string Error, bool Permanent)>();
        HashSet<string>? failedKeys = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (results[i].Error is { } error)
            {
                failures.Add((rows[i], DeliveryErrors.Describe(error), DeliveryErrors.IsPermanent(error)));
                (failedKeys ??= new HashSet<string>(StringComparer.Ordinal)).Add(rows[i].OrderingKey);
            }
            else
            {
                if (failedKeys is not null && failedKeys.Contains(rows[i].OrderingKey))
                {
                    // The broker took a later row of a key whose earlier row failed in the same batch.
                    metrics.OrderGap();
                    LogOrderGap(rows[i].Topic, rows[i].SequenceNumber);
                }

                delivered.Add(rows[i].SequenceNumber);
                metrics.RecordLag(results[i].AckedAt - rows[i].CreatedAt);
            }
        }

        var now = Now();
        await store.MarkDeliveredAsync(db, delivered, now, cancellationToken).ConfigureAwait(false);
        metrics.Delivered(delivered.Count);
        if (failures.Count > 0)
        {
            var parked = await store.RecordFailuresAsync(db, failures, now, cancellationToken).ConfigureAwait(false);
            metrics.Failed(failures.Count - parked);
            metrics.Parked(parked);
            LogFailures(failures.Count, failures[0].Error, parked);
        }
    }

    private async Task RefreshBacklogIfDueAsync(DbContext db, CancellationToken cancellationToken)
    {
        var now = Now();
        if (now < _nextBacklogAt)
        {
            return;
        }

        _nextBacklogAt = now + (long)BacklogInterval.TotalMilliseconds;
        var (count, oldest) = await store.MeasureBacklogAsync(db, cancellationToken).ConfigureAwait(false);
        metrics.SetBacklog(count, oldest is { } created ? Math.Max(0, now - created) / 1000.0 : 0);
    }
}
