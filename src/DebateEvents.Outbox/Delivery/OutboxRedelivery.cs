using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Delivery;

/// <summary>
/// With <see cref="DebateEventsOutboxOptions.RedeliverOnStart"/>: at host start, after the schema and before
/// the dispatcher and the bus, marks the rows delivered within the redelivery window undelivered again. The
/// dispatcher then sends them first, in sequence order, so each key's records reach the new broker in their
/// original order, ahead of anything published since; consumers behind the inbox skip those they had handled.
/// </summary>
internal sealed partial class OutboxRedelivery(IServiceScopeFactory scopes, OutboxContextFactory contexts,
    IOptions<DebateEventsOutboxOptions> options, TimeProvider clock, ILogger<OutboxRedelivery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.RedeliverOnStart)
        {
            return;
        }

        var count = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
        LogHandedBack(count, settings.RedeliveryWindow);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Marks the rows delivered within the window undelivered; returns how many.</summary>
    internal async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.Value.RedeliveryWindow.TotalMilliseconds;
        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = contexts.Resolve(scope.ServiceProvider);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var transactionDisposal = transaction.ConfigureAwait(false);

        // A key's later rows were delivered no earlier than its earlier ones, so the rows chosen by delivery
        // time are, per key, an unbroken run up to its newest: no key gets a gap in its resent history.
        // Attempts and errors start afresh: the new broker has rejected nothing yet.
        var count = await db.Set<OutboxMessage>()
            .Where(m => m.DeliveredAt != null && m.DeliveredAt >= since)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeliveredAt, (long?)null)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, 0L)
                .SetProperty(m => m.LastError, (string?)null), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Handed {Count} outbox rows delivered within the last {Window} back to the dispatcher: the broker kept nothing across the restart")]
    private partial void LogHandedBack(int count, TimeSpan window);
}
