using DebateEvents.Outbox.PostgreSql;

namespace DebateEvents.Outbox.Configuration;

/// <summary>Stores the outbox in PostgreSQL: <c>x.AddDebateEventsOutbox&lt;TDbContext&gt;(o =&gt; o.UsePostgres())</c>.</summary>
public static class PostgresOutboxOptionsExtensions
{
    /// <summary>
    /// Stores the outbox in PostgreSQL, shared by several instances: each instance leases hash buckets
    /// of ordering keys, so every row is sent by one instance at a time and per-key order holds.
    /// The DbContext itself is configured as usual (<c>o.UseNpgsql(connectionString)</c> in <c>AddDbContext</c>).
    /// </summary>
    public static DebateEventsOutboxOptions UsePostgres(this DebateEventsOutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Dialect = new PostgresOutboxDialect();
        return options;
    }
}
