using DebateEvents.Outbox.Diagnostics;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Outbox.Delivery;

/// <summary>
/// What the dispatcher writes back after a batch: acknowledged rows marked delivered, failed rows given a retry
/// time or parked, a gap in a key's order reported, and the backlog measured for the metrics.
/// </summary>
internal sealed partial class DeliveryOutcomes(OutboxStore store, OutboxMetrics metrics, TimeProvider clock, ILogger<DeliveryOutcomes> logger)
{
    private static readonly TimeSpan BacklogInterval = TimeSpan.FromSeconds(1);
    private long _nextBacklogAt;

    public async Task RecordAsync(DbContext db, List<OutboxMessage> rows, OutboxDelivery[] results, CancellationToken cancellationToken)
    {
        var delivered = new List<long>(rows.Count);
        var perTopic = new Dictionary<string, int>(StringComparer.Ordinal);
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
                perTopic[rows[i].Topic] = perTopic.GetValueOrDefault(rows[i].Topic) + 1;
                metrics.RecordLag(results[i].AckedAt - rows[i].CreatedAt);
            }
        }

        var now = Now();
        await store.MarkDeliveredAsync(db, delivered, now, cancellationToken).ConfigureAwait(false);
        foreach (var (topic, count) in perTopic)
        {
            metrics.Delivered(topic, count);
        }

        if (failures.Count > 0)
        {
            var parked = await store.RecordFailuresAsync(db, failures, now, cancellationToken).ConfigureAwait(false);
            metrics.Failed(failures.Count - parked);
            metrics.Parked(parked);
            LogFailures(failures.Count, failures[0].Error, parked);
        }
    }

    /// <summary>Measures the backlog and its oldest row for the metrics, at most once a second.</summary>
    public async Task RefreshBacklogIfDueAsync(DbContext db, CancellationToken cancellationToken)
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

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} outbox rows failed delivery ({FirstError}); {Parked} parked in the dead-letter table, the rest retry with backoff")]
    private partial void LogFailures(int count, string firstError, int parked);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox row {SequenceNumber} for {Topic} was acknowledged although an earlier row of its key failed in the same batch; that key's order on the topic has a gap")]
    private partial void LogOrderGap(string topic, long sequenceNumber);
}
