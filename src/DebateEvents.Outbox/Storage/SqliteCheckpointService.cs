using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Copies the SQLite write-ahead log back into the database every second with a PASSIVE checkpoint,
/// which never blocks writers. SQLite's automatic checkpoint would instead run inside whichever commit
/// crosses the threshold, stalling every publisher behind it while the database file is synced.
/// </summary>
internal sealed class SqliteCheckpointService(IServiceScopeFactory scopes, OutboxContextFactory contexts,
    IOptions<DebateEventsOutboxOptions> options, ILogger<SqliteCheckpointService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Dialect is not SqliteOutboxDialect)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down; the last connection to close checkpoints the rest.
        }
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await contexts.Resolve(scope.ServiceProvider).Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(PASSIVE)", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "SQLite checkpoint failed; retrying in {Interval}", Interval);
        }
    }
}
