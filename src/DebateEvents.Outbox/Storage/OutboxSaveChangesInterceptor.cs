using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Writes the outbox rows of a SaveChanges itself (multi-row INSERT) inside the same transaction as
/// the entities EF saves: the caller's transaction when there is one, otherwise one this interceptor
/// opens before EF writes and commits after EF succeeded. Once the rows are committed, the
/// dispatcher is signalled. The rows arrive serialized, so nothing here waits on a serializer:
/// a synchronous SaveChanges stays synchronous and an asynchronous one never blocks.
/// </summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxRowInserter inserter, OutboxSignal signal)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingRows> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && TakeAddedRows(context) is { } rows)
        {
            var own = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            _pending.AddOrUpdate(context, new PendingRows(rows, own));
            try
            {
                inserter.Insert(context, rows);
            }
            catch
            {
                Fail(context);
                throw;
            }
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && TakeAddedRows(context) is { } rows)
        {
            var own = context.Database.CurrentTransaction is null
                ? await context.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false)
                : null;
            _pending.AddOrUpdate(context, new PendingRows(rows, own));
            try
            {
                await inserter.InsertAsync(context, rows, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await FailAsync(context).ConfigureAwait(false);
                throw;
            }
        }

        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && pending.OwnTransaction is { } own)
        {
            own.Commit();
            own.Dispose();
        }

        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && pending.OwnTransaction is { } own)
        {
            await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            await own.DisposeAsync().ConfigureAwait(false);
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            Fail(context);
        }
    }

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await FailAsync(context).ConfigureAwait(false);
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

    /// <summary>
    /// Undoes our part of a failed save. With our own transaction the rows are rolled back and put back
    /// in the change tracker, so a retried SaveChanges writes them again; in the caller's transaction
    /// they stay written and go or stay with that transaction.
    /// </summary>
    private void Fail(DbContext context)
    {
        if (TakeOwnTransaction(context) is { } pending)
        {
            pending.OwnTransaction!.Rollback();
            pending.OwnTransaction.Dispose();
            Requeue(context, pending.Rows);
        }
    }

    /// <summary>Asynchronous <see cref="Fail"/>.</summary>
    private async ValueTask FailAsync(DbContext context)
    {
        if (TakeOwnTransaction(context) is { } pending)
        {
            await pending.OwnTransaction!.RollbackAsync().ConfigureAwait(false);
            await pending.OwnTransaction.DisposeAsync().ConfigureAwait(false);
            Requeue(context, pending.Rows);
        }
    }

    private PendingRows? TakeOwnTransaction(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var pending) || pending.OwnTransaction is null)
        {
            return null;
        }

        _pending.Remove(context);
        return pending;
    }

    private static void Requeue(DbContext context, List<OutboxMessage> rows)
    {
        foreach (var row in rows)
        {
            context.Set<OutboxMessage>().Add(row);
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.Remove(context))
        {
            signal.Notify();
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private sealed record PendingRows(List<OutboxMessage> Rows, IDbContextTransaction? OwnTransaction);
}
