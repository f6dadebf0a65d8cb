using System.Text;
using DebateEvents.Kafka.Routing;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Publishing;
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
        await using var scope = scopes.CreateAsyncScope();
        var entries = await contexts.Resolve(scope.ServiceProvider).Set<DeadLetterEntry>().AsNoTracking()
            .OrderBy(d => d.Id).Take(limit).ToListAsync(cancellationToken);
        return entries.Select(ToParkedEvent).ToList();
    }

    public async Task<bool> RequeueAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = contexts.Resolve(scope.ServiceProvider);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var entry = await db.Set<DeadLetterEntry>().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
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
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
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
