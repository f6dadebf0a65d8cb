namespace DebateEvents.Host.Database;

/// <summary>
/// Which database the host keeps its read models, outbox and inbox in (section <c>Database</c>); the connection string
/// is <c>ConnectionStrings:Debates</c> for either.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Database";

    /// <summary>The SQLite file used when no connection string is configured.</summary>
    public const string DefaultSqliteConnection = "Data Source=data/debates.db";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>; env <c>DEBATE_EVENTS_DATABASE_PROVIDER</c>.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Apply the EF Core migrations at start, before anything touches the database. Default true.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>Whether <see cref="Provider"/> names PostgreSQL; any value but the two allowed ones stops the host at start.</summary>
    internal bool IsPostgres => Provider.ToUpperInvariant() switch
    {
        "SQLITE" => false,
        "POSTGRES" => true,
        _ => throw new InvalidOperationException(
            $"Database:Provider '{Provider}' is not valid; allowed: sqlite, postgres (environment variable DEBATE_EVENTS_DATABASE_PROVIDER)."),
    };
}
