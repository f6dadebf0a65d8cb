using DebateEvents.Outbox.Sqlite;

namespace DebateEvents.Outbox.Configuration;

/// <summary>Stores the outbox in SQLite: <c>x.AddDebateEventsOutbox&lt;TDbContext&gt;(o =&gt; o.UseSqlite())</c>.</summary>
public static class SqliteOutboxOptionsExtensions
{
    /// <summary>
    /// Stores the outbox in SQLite (the embedded default), for one process: WAL journal, a busy timeout, and one
    /// writer transaction at a time within the process, so concurrent publishers never see "database is locked".
    /// The DbContext itself is configured as usual (<c>o.UseSqlite(connectionString)</c> in <c>AddDbContext</c>).
    /// </summary>
    public static DebateEventsOutboxOptions UseSqlite(this DebateEventsOutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Dialect = new SqliteOutboxDialect();
        return options;
    }
}
