using DebateEvents.Outbox.Configuration;
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
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = contexts.Resolve(scope.ServiceProvider);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);
        var delivered = await db.Set<OutboxMessage>()
            .Where(m => m.DeliveredAt != null && m.DeliveredAt < deliveredBefore)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var inbox = await db.Set<InboxState>().Where(s => s.ReceivedAt < receivedBefore).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        if (delivered + inbox > 0)
        {
            logger.LogInformation("Outbox cleanup removed {Delivered} delivered rows and {Inbox} expired inbox entries", delivered, inbox);
        }

        return (delivered, inbox);
    }
}
