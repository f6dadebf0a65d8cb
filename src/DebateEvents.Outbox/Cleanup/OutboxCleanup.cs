using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Publishing;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Cleanup;

/// <summary>Removes delivered outbox rows past their retention and inbox entries past the inbox window.</summary>
internal sealed class OutboxCleanup(IServiceScopeFactory scopes, OutboxContextFactory contexts, IOptions<DebateEventsOutboxOptions> options,
    TimeProvider clock, ILogger<OutboxCleanup> logger)
{
    /// <summary>Runs one cleanup pass; returns the delivered rows and inbox entries removed.</summary>
    public async Task<(int Delivered, int Inbox)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var deliveredBefore = now - (long)settings.DeliveredRetention.TotalMilliseconds;
        var receivedBefore = now - (long)settings.InboxRetention.TotalMilliseconds;
        await using var scope = scopes.CreateAsyncScope();
        var db = contexts.Resolve(scope.ServiceProvider);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var delivered = await db.Set<OutboxMessage>()
            .Where(m => m.DeliveredAt != null && m.DeliveredAt < deliveredBefore)
            .ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.Set<InboxState>().Where(s => s.ReceivedAt < receivedBefore).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (delivered + inbox > 0)
        {
            logger.LogInformation("Outbox cleanup removed {Delivered} delivered rows and {Inbox} expired inbox entries", delivered, inbox);
        }

        return (delivered, inbox);
    }
}
