using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebateEvents.Outbox.Sqlite;

/// <summary>
/// Takes the <see cref="SqliteWriteGate"/> when an EF transaction begins and releases it when the
/// transaction ends. SaveChanges on SQLite always runs in a transaction, even for one statement, so
/// every write of the process queues at the gate instead of spinning in SQLite's busy handler. A SaveChanges outside a
/// transaction of the caller takes it before EF opens the connection and releases it when the connection closes.
/// </summary>
internal sealed class SqliteTransactionInterceptor(SqliteWriteGate gate) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (OwnSave(eventData.Context) is { } connection)
        {
            gate.Enter(connection.DbConnection, connection.ConnectionId, untilClosed: true);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (OwnSave(eventData.Context) is { } connection)
        {
            await gate.EnterAsync(connection.DbConnection, connection.ConnectionId, cancellationToken, untilClosed: true).ConfigureAwait(false);
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndSave(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EndSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => EndSave(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndSave(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A save on SQLite outside a transaction of the caller: always in a transaction, and the connection EF opens for it
    /// queues at the gate before it opens (see <see cref="SqliteWriteGate"/>). Returns that connection, else null.
    /// </summary>
    private static IRelationalConnection? OwnSave(DbContext? context)
    {
        if (context is null || !context.Database.IsSqlite())
        {
            return null;
        }

        context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        return context.Database.CurrentTransaction is null ? context.GetService<IRelationalConnection>() : null;
    }

    /// <summary>Releases the gate of a save whose connection stays open (the application opened it); closing it already did otherwise.</summary>
    private void EndSave(DbContext? context)
    {
        if (context is not null && context.Database.IsSqlite() && context.Database.CurrentTransaction is null)
        {
            gate.Exit(context.GetService<IRelationalConnection>().ConnectionId);
        }
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        gate.Enter(connection, eventData.ConnectionId);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        await gate.EnterAsync(connection, eventData.ConnectionId, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        gate.ExitTransaction(eventData.ConnectionId);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.ExitTransaction(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        gate.ExitTransaction(eventData.ConnectionId);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.ExitTransaction(eventData.ConnectionId);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        gate.ExitTransaction(eventData.ConnectionId);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        gate.ExitTransaction(eventData.ConnectionId);
        return Task.CompletedTask;
    }
}
