using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Writes the outbox rows of a SaveChanges itself (multi-row INSERT) inside the same transaction as the entities EF saves:
/// the caller's transaction when there is one; otherwise EF's own, the rows inserted when it begins (after EF built its
/// commands, so a database with one writer is held only for the writes and the commit); when EF saves no entity, or may not
/// open a transaction, one this interceptor opens. Once the rows are committed, the dispatcher is signalled. The rows arrive
/// serialized, so nothing here waits on a serializer: a synchronous SaveChanges stays synchronous and an asynchronous one
/// never blocks.
/// </summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxRowInserter inserter, OutboxSignal signal)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingRows> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && TakeAddedRows(context) is { } rows)
        {
            if (context.Database.CurrentTransaction is { } caller)
            {
                _pending.AddOrUpdate(context, new PendingRows(rows, context.ContextId));
                inserter.Insert(context.Database.GetDbConnection(), caller.GetDbTransaction(), rows);
            }
            else if (StartSaving(context, rows) is { } pending && NeedsOwnTransaction(context, pending))
            {
                pending.OwnTransaction = context.Database.BeginTransaction();
            }
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TakeAddedRows(context) is { } rows)
        {
            if (context.Database.CurrentTransaction is { } caller)
            {
                _pending.AddOrUpdate(context, new PendingRows(rows, context.ContextId));
                await inserter.InsertAsync(context.Database.GetDbConnection(), caller.GetDbTransaction(), rows, cancellationToken).ConfigureAwait(false);
            }
            else if (StartSaving(context, rows) is { } pending && NeedsOwnTransaction(context, pending))
            {
                pending.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        if (Saving(eventData.Context) is { } pending)
        {
            try
            {
                inserter.Insert(connection, result, pending.Rows);
            }
            catch
            {
                result.Rollback();
                throw;
            }
        }

        return result;
    }

    public async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default)
    {
        if (Saving(eventData.Context) is { } pending)
        {
            try
            {
                await inserter.InsertAsync(connection, result, pending.Rows, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await result.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                throw;
            }
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Saving(eventData.Context) is { } pending)
        {
            if (!pending.Committed)
            {
                // EF wrote no entity, so it began no transaction: the rows go in one of their own (inserted as it begins).
                using var own = pending.OwnTransaction ?? eventData.Context!.Database.BeginTransaction();
                own.Commit();
            }

            EndSaving(eventData.Context!, pending);
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Saving(eventData.Context) is { } pending)
        {
            if (!pending.Committed)
            {
                var own = pending.OwnTransaction ?? await eventData.Context!.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var ownDisposal = own.ConfigureAwait(false);
                await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            EndSaving(eventData.Context!, pending);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (Saving(eventData.Context) is { } pending)
        {
            pending.OwnTransaction?.Dispose();
            Fail(eventData.Context!, pending);
        }
    }

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Saving(eventData.Context) is { } pending)
        {
            if (pending.OwnTransaction is { } own)
            {
                await own.DisposeAsync().ConfigureAwait(false);
            }

            Fail(eventData.Context!, pending);
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    private static List<OutboxMessage>? TakeAddedRows(DbContext context)
    {
        List<OutboxMessage>? rows = null;
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                var row = entry.Entity;
                entry.State = EntityState.Detached;
                (rows ??= []).Add(row.Refresh?.Invoke() ?? row);
            }
        }

        return rows;
    }

    /// <summary>Holds the rows until the transaction that saves the entities begins; EF is told to open one even for one statement.</summary>
    private PendingRows StartSaving(DbContext context, List<OutboxMessage> rows)
    {
        var database = context.Database;
        var pending = new PendingRows(rows, context.ContextId) { Saving = true, PreviousBehavior = database.AutoTransactionBehavior };
        _pending.AddOrUpdate(context, pending);
        if (database.AutoTransactionBehavior == AutoTransactionBehavior.WhenNeeded)
        {
            database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }

        return pending;
    }

    // EF opens no transaction of its own when told never to, or inside an ambient System.Transactions transaction.
    private static bool NeedsOwnTransaction(DbContext context, PendingRows pending) =>
        pending.PreviousBehavior == AutoTransactionBehavior.Never || System.Transactions.Transaction.Current is not null;

    private PendingRows? Saving(DbContext? context) =>
        context is not null && _pending.TryGetValue(context, out var pending) && pending.Saving && pending.Lease == context.ContextId ? pending : null;

    private void EndSaving(DbContext context, PendingRows pending)
    {
        _pending.Remove(context);
        context.Database.AutoTransactionBehavior = pending.PreviousBehavior;
    }

    /// <summary>
    /// Undoes our part of a failed save: rows not committed go back in the change tracker, so a retried SaveChanges writes
    /// them again (in the caller's transaction they stay written and go or stay with that transaction).
    /// </summary>
    private void Fail(DbContext context, PendingRows pending)
    {
        EndSaving(context, pending);
        if (!pending.Committed)
        {
            foreach (var row in pending.Rows)
            {
                context.Set<OutboxMessage>().Add(row);
            }
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Lease != context.ContextId)
        {
            return;
        }

        if (pending.Saving)
        {
            pending.Committed = true;
        }
        else
        {
            _pending.Remove(context);
        }

        signal.Notify();
    }

    private void RolledBack(DbContext? context)
    {
        // A save's own rollback is handled when the save fails; EF may also retry it in a new transaction.
        if (context is not null && _pending.TryGetValue(context, out var pending) && !pending.Saving)
        {
            _pending.Remove(context);
        }
    }
}
