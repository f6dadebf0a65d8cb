using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DebateEvents.Host.Database;

/// <summary>
/// What <c>dotnet ef migrations add Name --context SqliteDebateDbContext --output-dir Database/Migrations/Sqlite</c> builds
/// the model with. Connects (for <c>dotnet ef database update</c>) to <c>DEBATE_EVENTS_DATABASE_CONNECTION</c>, else
/// <see cref="DatabaseOptions.DefaultSqliteConnection"/>.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDebateDbContext>
{
    /// <inheritdoc />
    public SqliteDebateDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("DEBATE_EVENTS_DATABASE_CONNECTION") is { Length: > 0 } configured
            ? configured
            : DatabaseOptions.DefaultSqliteConnection;
        return new SqliteDebateDbContext(new DbContextOptionsBuilder<SqliteDebateDbContext>().UseSqlite(connection).Options);
    }
}
