using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DebateEvents.Outbox.Sqlite;

/// <summary>
/// Sets WAL, a busy timeout, <c>synchronous=NORMAL</c>, no automatic checkpoints and a cap on the log file kept after a
/// checkpoint on every SQLite connection, and frees the write gate when a connection closes (a save's hold, or a
/// transaction never committed nor rolled back).
/// </summary>
/// <remarks>
/// <c>synchronous=NORMAL</c> under WAL keeps every commit across a process crash; only a power loss
/// can take back the last commits. That is the trade SQLite recommends for WAL.
/// </remarks>
internal sealed class SqliteConnectionInterceptor(SqliteWriteGate gate) : DbConnectionInterceptor
{
    // Commits never checkpoint (which would fsync while holding the write gate); SqliteCheckpoints does it in the background.
    // journal_size_limit: 32 MiB, twice the log SqliteCheckpoints lets grow before it restarts the log.
    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA journal_size_limit=33554432;";

    // Pooled connections keep their native handle, and the pragmas stay set on it: run them once per handle.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsPragmas(connection))
        {
            var command = connection.CreateCommand();
            await using var commandDisposal = command.ConfigureAwait(false);
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private bool NeedsPragmas(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _configured.TryAdd(handle, handle);

    // Released once the connection is back in the pool, so the next writer that opens one gets this one (see SqliteWriteGate).
    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => gate.Exit(eventData.ConnectionId);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        gate.Exit(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void ConnectionFailed(DbConnection connection, ConnectionErrorEventData eventData) => gate.Exit(eventData.ConnectionId);

    public override Task ConnectionFailedAsync(DbConnection connection, ConnectionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.Exit(eventData.ConnectionId);
        return Task.CompletedTask;
    }
}
