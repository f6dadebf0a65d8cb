using System.Data.Common;
using System.Runtime.CompilerServices;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebateEvents.Outbox.Publishing;

/// <summary>
/// Writes the outbox rows of a SaveChanges itself (multi-row INSERT) inside the same transaction as
/// the entities EF saves: the caller's transaction when there is one, otherwise one this interceptor
/// opens before EF writes and commits after EF succeeded. Once the rows are committed, the
/// dispatcher is signalled.
/// </summary>
internal sealed class OutboxSaveChangesInterceptor(OutboxRowInserter inserter, OutboxSignal signal)
    : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, PendingRows> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && TakeAddedRows(context, CancellationToken.None).AsTask().GetAwaiter().GetResult() is { } rows)
        {
            var own = context.Database.CurrentTransaction is null ? context.Database.BeginTransaction() : null;
            Track(context, rows, own, () => inserter.Insert(context, rows));
        }

        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && await TakeAddedRows(context, cancellationToken) is { } rows)
        {
            var own = context.Database.CurrentTransaction is null ? await context.Database.BeginTransactionAsync(cancellationToken) : null;
            _pending.AddOrUpdate(context, new PendingRows(rows, own));
            try
            {
                await inserter.InsertAsync(context, rows, cancellationToken);
            }
            catch
            {
                await FailAsync(context);
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
            await own.CommitAsync(cancellationToken);
            await own.DisposeAsync();
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
        {
            FailAsync(context).AsTask().GetAwaiter().GetResult();
        }
    }

    public async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await FailAsync(context);
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

    private static async ValueTask<List<OutboxMessage>?> TakeAddedRows(DbContext context, CancellationToken cancellationToken)
    {
        List<OutboxMessage>? rows = null;
        foreach (var entry in context.ChangeTracker.Entries<OutboxMessage>().ToList())
        {
            if (entry.State == EntityState.Added)
            {
                var row = entry.Entity;
                entry.State = EntityState.Detached;
                var refreshed = row.Refresh is { } refresh ? await refresh(cancellationToken) : null;
                (rows ??= []).Add(refreshed ?? row);
            }
        }

        return rows;
    }

    private void Track(DbContext context, List<OutboxMessage> rows, IDbContextTransaction? own, Action insert)
    {
        _pending.AddOrUpdate(context, new PendingRows(rows, own));
        try
        {
            insert();
        }
        catch
        {
            FailAsync(context).AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>
    /// Undoes our part of a failed save. With our own transaction the rows are rolled back and put back
    /// in the change tracker, so a retried SaveChanges writes them again; in the caller's transaction
    /// they stay written and go or stay with that transaction.
    /// </summary>
    private async ValueTask FailAsync(DbContext context)
    {
        if (!_pending.TryGetValue(context, out var pending) || pending.OwnTransaction is not { } own)
        {
            return;
        }

        _pending.Remove(context);
        await own.RollbackAsync();
        await own.DisposeAsync();
        foreach (var row in pending.Rows)
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
