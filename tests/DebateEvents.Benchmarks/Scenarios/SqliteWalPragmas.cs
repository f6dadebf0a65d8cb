using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// WAL and <c>synchronous=NORMAL</c> once per native connection, as our outbox sets them: the SQLite settings
/// every EF Core baseline and peer in the harness shares.
/// </summary>
internal sealed class SqliteWalPragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection { Handle: { } handle } && _configured.TryAdd(handle, handle))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection { Handle: { } handle } && _configured.TryAdd(handle, handle))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
