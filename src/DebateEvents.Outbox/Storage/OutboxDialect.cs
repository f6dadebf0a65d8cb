using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Storage;

/// <summary>What differs between the supported databases: the DDL of our tables and which rows are safe to send.</summary>
internal abstract class OutboxDialect
{
    /// <summary>Provider name shown in logs and health data.</summary>
    public abstract string Name { get; }

    /// <summary>Idempotent statements creating the outbox tables and indexes when they are missing.</summary>
    public abstract IReadOnlyList<string> SchemaStatements { get; }

    /// <summary>
    /// The outbox rows a dispatcher may consider now. Rows whose transaction may still be preceded
    /// by an uncommitted one with a lower sequence number are left out, so a key's rows are never
    /// sent out of order.
    /// </summary>
    public abstract IQueryable<OutboxMessage> VisibleMessages(DbContext context);

    /// <summary>Whether many processes may share the database (and so need bucket leases to split the work).</summary>
    public abstract bool SupportsSeveralInstances { get; }

    /// <summary>The database runs inside this process (no network round trip per statement).</summary>
    public abstract bool IsInProcess { get; }

    /// <summary>An event id as EF Core's provider stores it, for the raw row insert.</summary>
    public abstract object EventIdValue(Guid eventId);
}
