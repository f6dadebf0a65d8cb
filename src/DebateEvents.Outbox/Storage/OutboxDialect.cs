using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// What differs between the supported databases: the DDL of our tables, which rows are safe to send, and what
/// the database needs around them. Each database's package (<c>DebateEvents.Outbox.Sqlite</c>,
/// <c>DebateEvents.Outbox.PostgreSql</c>) brings its own, so the core references no provider.
/// </summary>
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

    /// <summary>EF Core interceptors the database needs on the application's DbContext, ahead of the outbox's own.</summary>
    public virtual IReadOnlyList<IInterceptor> Interceptors => [];

    /// <summary>Background upkeep the database needs while the host runs; returns when <paramref name="stoppingToken"/> fires.</summary>
    public virtual Task MaintainAsync(IServiceProvider services, CancellationToken stoppingToken) => Task.CompletedTask;

    /// <summary>The bucket leases of this instance when <see cref="SupportsSeveralInstances"/>; null for the only instance.</summary>
    public virtual IBucketLeases? CreateLeases(IServiceProvider services) => null;
}
