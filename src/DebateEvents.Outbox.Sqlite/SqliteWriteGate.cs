using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace DebateEvents.Outbox.Sqlite;

/// <summary>
/// One writer transaction at a time per SQLite file within this process. SQLite allows a single
/// writer; a deferred transaction that reads first and writes later fails at once with
/// SQLITE_BUSY when another writer committed in between, whatever the busy timeout. Taking this
/// gate when a transaction begins turns that race into an orderly queue.
/// </summary>
internal sealed class SqliteWriteGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _byFile = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, SemaphoreSlim> _held = new();

    /// <summary>Waits for the file's gate on behalf of EF connection <paramref name="connectionId"/>; re-entry is a no-op.</summary>
    public async ValueTask EnterAsync(DbConnection connection, Guid connectionId, CancellationToken cancellationToken)
    {
        if (connection is not SqliteConnection sqlite || _held.ContainsKey(connectionId))
        {
            return;
        }

        var gate = _byFile.GetOrAdd(FileOf(sqlite), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        _held[connectionId] = gate;
    }

    public void Enter(DbConnection connection, Guid connectionId)
    {
        if (connection is not SqliteConnection sqlite || _held.ContainsKey(connectionId))
        {
            return;
        }

        var gate = _byFile.GetOrAdd(FileOf(sqlite), _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        _held[connectionId] = gate;
    }

    /// <summary>Releases the gate held by <paramref name="connectionId"/>, if any; safe to call more than once.</summary>
    public void Exit(Guid connectionId)
    {
        if (_held.TryRemove(connectionId, out var gate))
        {
            gate.Release();
        }
    }

    private static string FileOf(SqliteConnection connection)
    {
        var source = connection.DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? connection.ConnectionString : Path.GetFullPath(source);
    }
}
