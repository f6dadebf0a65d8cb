using DebateEvents.Host.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Database;

/// <summary>
/// Creates a SQLite file's missing folder, then applies the provider's EF Core migrations at start (unless <see cref="DatabaseOptions.MigrateOnStart"/> is off), after
/// adopting a SQLite file of a version before migrations. Registered before the outbox and the bus, so nothing meets a
/// missing table or column. Instances sharing a PostgreSQL database may start together: EF Core locks the history table.
/// </summary>
internal sealed partial class DatabaseMigrations(IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseMigrations> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DebateDbContext>();
        if (db.Database.IsSqlite())
        {
            SqliteFolder.Ensure(db.Database.GetConnectionString());
        }

        if (!options.Value.MigrateOnStart)
        {
            MigrationsOff(logger);
            return;
        }

        if (db.Database.IsSqlite())
        {
            await PreMigrationsSqliteFile.AdoptAsync(db, logger, cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            Migrated(logger, db.Database.ProviderName, string.Join(", ", pending));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migrations to the {Provider} database: {Migrations}")]
    private static partial void Migrated(ILogger logger, string? provider, string migrations);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database:MigrateOnStart is false: the database schema is left as it is")]
    private static partial void MigrationsOff(ILogger logger);
}
