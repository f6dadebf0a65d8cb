using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Delivery;

/// <summary>Counts the outbox table's undelivered rows per key bucket, behind <see cref="IOutboxBacklog"/>.</summary>
internal sealed class OutboxBacklog(IServiceScopeFactory scopes, OutboxContextFactory contexts) : IOutboxBacklog
{
    public async Task<OutboxBacklogReport> MeasureAsync(CancellationToken cancellationToken = default)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var buckets = await contexts.Resolve(scope.ServiceProvider).Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.DeliveredAt == null)
            .GroupBy(m => m.Bucket)
            .Select(g => new { Bucket = g.Key, Count = g.LongCount(), Oldest = g.Min(m => m.CreatedAt) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var ordered = buckets.OrderBy(b => b.Bucket)
            .Select(b => new OutboxBucketBacklog(b.Bucket, b.Count, DateTimeOffset.FromUnixTimeMilliseconds(b.Oldest)))
            .ToList();
        DateTimeOffset? oldest = ordered.Count == 0 ? null : ordered.Min(b => b.OldestPublishedAt);
        return new OutboxBacklogReport(ordered.Sum(b => b.Count), oldest, ordered);
    }
}
