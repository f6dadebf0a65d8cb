using System.Data.Common;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Keeps the SQLite write-ahead log small. A PASSIVE checkpoint every quarter second copies committed
/// pages back without blocking anyone; but SQLite restarts the log only when no reader is inside it,
/// which a busy dispatcher rarely allows, so the file would grow without end (and appending to it
/// slows every commit). When it passes a threshold, a TRUNCATE checkpoint runs while holding the
/// in-process write gate: writers queue for a moment and the log starts again from zero.
/// </summary>
internal sealed class SqliteCheckpointService(IServiceScopeFactory scopes, OutboxContextFactory contexts, SqliteWriteGate gate,
    IOptions<DebateEventsOutboxOptions> options, ILogger<SqliteCheckpointService> logger) : BackgroundService
{
    private const int TruncateAfterFrames = 4096;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

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
            var db = contexts.Resolve(scope.ServiceProvider);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            if (await RunAsync(connection, "PRAGMA wal_checkpoint(PASSIVE)", cancellationToken) < TruncateAfterFrames)
            {
                return;
            }

            var holder = Guid.NewGuid();
            await gate.EnterAsync(connection, holder, cancellationToken);
            try
            {
                await RunAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
            }
            finally
            {
                gate.Exit(holder);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "SQLite checkpoint failed; retrying in {Interval}", Interval);
        }
    }

    /// <summary>Runs a checkpoint pragma; returns the frames in the log when it ran.</summary>
    private static async Task<long> RunAsync(DbConnection connection, string pragma, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetInt64(1) : 0;
    }
}
