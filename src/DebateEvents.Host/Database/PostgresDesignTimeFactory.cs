using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DebateEvents.Host.Database;

/// <summary>
/// What <c>dotnet ef migrations add Name --context PostgresDebateDbContext --output-dir Database/Migrations/Postgres</c>
/// builds the model with. Adding a migration needs no server; <c>dotnet ef database update</c> connects to
/// <c>DEBATE_EVENTS_DATABASE_CONNECTION</c>, else to a local <c>debates</c> database.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDebateDbContext>
{
    /// <inheritdoc />
    public PostgresDebateDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("DEBATE_EVENTS_DATABASE_CONNECTION") is { Length: > 0 } configured
            ? configured
            : "Host=localhost;Database=debates";
        return new PostgresDebateDbContext(new DbContextOptionsBuilder<PostgresDebateDbContext>().UseNpgsql(connection).Options);
    }
}
