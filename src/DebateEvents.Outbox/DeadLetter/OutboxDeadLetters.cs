using System.Text;
using DebateEvents.Kafka.Routing;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Outbox.DeadLetter;

/// <summary>The dead-letter table behind <see cref="IOutboxDeadLetters"/>.</summary>
internal sealed class OutboxDeadLetters(IServiceScopeFactory scopes, OutboxContextFactory contexts, OutboxSignal signal,
    TimeProvider clock, ILogger<OutboxDeadLetters> logger) : IOutboxDeadLetters
{
    public async Task<IReadOnlyList<ParkedEvent>> ListAsync(int limit = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var entries = await contexts.Resolve(scope.ServiceProvider).Set<DeadLetterEntry>().AsNoTracking()
            .OrderBy(d => d.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return entries.Select(ToParkedEvent).ToList();
    }

    public async Task<bool> RequeueAsync(long id, CancellationToken cancellationToken = default)
    {
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = contexts.Resolve(scope.ServiceProvider);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var entry = await db.Set<DeadLetterEntry>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            return false;
        }

        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            EventId = entry.EventId,
            Topic = entry.Topic,
            Key = entry.Key,
            Value = entry.Value,
            Headers = entry.Headers,
            OrderingKey = entry.OrderingKey,
            Bucket = entry.Bucket,
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        });
        db.Set<DeadLetterEntry>().Remove(entry);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        signal.Notify();
        logger.LogInformation("Re-queued parked event {EventId} for {Topic}", entry.EventId, entry.Topic);
        return true;
    }

    private static ParkedEvent ToParkedEvent(DeadLetterEntry entry)
    {
        var eventType = HeaderCodec.Decode(entry.Headers).FirstOrDefault(h => h.Key == CloudEventHeaders.Type).Value;
        return new ParkedEvent(
            entry.Id,
            entry.EventId,
            entry.Topic,
            entry.Key is null ? null : Encoding.UTF8.GetString(entry.Key),
            eventType is null ? null : Encoding.UTF8.GetString(eventType),
            DateTimeOffset.FromUnixTimeMilliseconds(entry.CreatedAt),
            DateTimeOffset.FromUnixTimeMilliseconds(entry.ParkedAt),
            entry.Attempts,
            entry.Error);
    }
}
