using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace DebateEvents.Outbox.Storage;

/// <summary>The outbox rows one SaveChanges of one DbContext lease takes out of the change tracker, and where they stand.</summary>
internal sealed class PendingRows(List<OutboxMessage> rows, DbContextId lease)
{
    public List<OutboxMessage> Rows { get; } = rows;

    /// <summary>The context's lease (pooled contexts are reused): rows of an earlier lease are never written into a later one.</summary>
    public DbContextId Lease { get; } = lease;

    /// <summary>
    /// True while SaveChanges runs without a transaction of the caller: the rows are inserted when the transaction that
    /// saves the entities begins. False when the rows went into the caller's transaction at once.
    /// </summary>
    public bool Saving { get; init; }

    /// <summary>The context's <see cref="DatabaseFacade.AutoTransactionBehavior"/> before this save changed it.</summary>
    public AutoTransactionBehavior PreviousBehavior { get; init; }

    /// <summary>A transaction the interceptor opened itself because EF would not open one around the entities.</summary>
    public IDbContextTransaction? OwnTransaction { get; set; }

    /// <summary>The transaction holding the rows committed.</summary>
    public bool Committed { get; set; }
}
