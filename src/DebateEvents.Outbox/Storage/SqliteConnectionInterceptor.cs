using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Sets WAL, a busy timeout and <c>synchronous=NORMAL</c> on every SQLite connection, and frees the
/// write gate if a connection closes with a transaction never committed nor rolled back.
/// </summary>
/// <remarks>
/// <c>synchronous=NORMAL</c> under WAL keeps every commit across a process crash; only a power loss
/// can take back the last commits. That is the trade SQLite recommends for WAL.
/// </remarks>
internal sealed class SqliteConnectionInterceptor(SqliteWriteGate gate) : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=30000; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Exit(eventData.ConnectionId);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        gate.Exit(eventData.ConnectionId);
        return ValueTask.FromResult(result);
    }
}
