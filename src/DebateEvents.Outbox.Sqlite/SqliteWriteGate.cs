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
/// <remarks>
/// A SaveChanges without a transaction of the caller takes the gate before EF opens its connection and holds it until
/// that connection is back in the pool: the next save then opens the pooled connection that made the last commit, whose
/// page cache is still valid, instead of one whose cache every other connection's commit invalidated (which re-reads
/// every B-tree page it touches, about ten reads of the log per outbox commit).
/// </remarks>
internal sealed class SqliteWriteGate
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _byFile = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Holder> _held = new();

    /// <summary>
    /// Waits for the file's gate on behalf of EF connection <paramref name="connectionId"/>; re-entry is a no-op. With
    /// <paramref name="untilClosed"/> the end of a transaction does not release it, only <see cref="Exit"/> does.
    /// </summary>
    public async ValueTask EnterAsync(DbConnection connection, Guid connectionId, CancellationToken cancellationToken, bool untilClosed = false)
    {
        if (connection is not SqliteConnection sqlite || _held.ContainsKey(connectionId))
        {
            return;
        }

        var gate = _byFile.GetOrAdd(FileOf(sqlite), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        _held[connectionId] = new Holder(gate, untilClosed);
    }

    /// <summary>Synchronous <see cref="EnterAsync"/>.</summary>
    public void Enter(DbConnection connection, Guid connectionId, bool untilClosed = false)
    {
        if (connection is not SqliteConnection sqlite || _held.ContainsKey(connectionId))
        {
            return;
        }

        var gate = _byFile.GetOrAdd(FileOf(sqlite), _ => new SemaphoreSlim(1, 1));
        gate.Wait();
        _held[connectionId] = new Holder(gate, untilClosed);
    }

    /// <summary>Releases the gate held by <paramref name="connectionId"/>, if any; safe to call more than once.</summary>
    public void Exit(Guid connectionId)
    {
        if (_held.TryRemove(connectionId, out var holder))
        {
            holder.Gate.Release();
        }
    }

    /// <summary>A transaction of <paramref name="connectionId"/> ended: releases the gate unless it is held until the connection closes.</summary>
    public void ExitTransaction(Guid connectionId)
    {
        if (_held.TryGetValue(connectionId, out var holder) && !holder.UntilClosed)
        {
            Exit(connectionId);
        }
    }

    private static string FileOf(SqliteConnection connection)
    {
        var source = connection.DataSource;
        return string.IsNullOrEmpty(source) || source == ":memory:" ? connection.ConnectionString : Path.GetFullPath(source);
    }

    private sealed record Holder(SemaphoreSlim Gate, bool UntilClosed);
}
