using System.Runtime.CompilerServices;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DebateEvents.Outbox.Inbox;

/// <summary>
/// The inbox's duplicate lookup as a compiled query, one per EF Core model. Built per event, the LINQ query spent most
/// of its time in EF Core's per-call preparation (evaluating closures, hashing the expression for the query cache)
/// rather than in SQL. EF Core refuses to run a compiled query on a model other than the one it was compiled for, and
/// one process can hold several (a SQLite and a PostgreSQL context, say), hence one per model.
/// </summary>
internal static class InboxLookup
{
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, Guid, string, CancellationToken, Task<bool>>> ByModel = [];

    /// <summary>Whether <paramref name="consumer"/> has an inbox entry for <paramref name="messageId"/>.</summary>
    public static Task<bool> AlreadyHandledAsync(DbContext db, Guid messageId, string consumer, CancellationToken cancellationToken) =>
        ByModel.GetValue(db.Model, static _ => Compile())(db, messageId, consumer, cancellationToken);

    private static Func<DbContext, Guid, string, CancellationToken, Task<bool>> Compile() => EF.CompileAsyncQuery(
        (DbContext db, Guid messageId, string consumer, CancellationToken _) => db.Set<InboxState>().Any(s => s.MessageId == messageId && s.Consumer == consumer));
}
