using DebateEvents.Host.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DebateEvents.Host.Database;

/// <summary>
/// A SQLite file made by a version before migrations: EF's EnsureCreated made its tables (read models and outbox alike,
/// from the same model the first migration holds) and it has no migrations history. Adopting it adds the read-model columns
/// later versions brought (EnsureCreated never changed existing tables), then records the first migration as applied, so
/// migrating applies only what came after it.
/// </summary>
internal static partial class PreMigrationsSqliteFile
{
    // Columns of DebateView added after the first release: name and SQLite definition.
    private static readonly (string Name, string Definition)[] AddedDebateColumns =
    [
        (nameof(DebateView.ArgumentsFor), "INTEGER NOT NULL DEFAULT 0"),
        (nameof(DebateView.ArgumentsAgainst), "INTEGER NOT NULL DEFAULT 0"),
        (nameof(DebateView.ArgumentsNeutral), "INTEGER NOT NULL DEFAULT 0"),
        (nameof(DebateView.ArgumentsPerParticipant), "TEXT NOT NULL DEFAULT '{}'"),
    ];

    /// <summary>Adopts the database if it is such a file; a new file or one with a migrations history is left alone.</summary>
    public static async Task AdoptAsync(DebateDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        var tables = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'").ToListAsync(cancellationToken);
        if (tables.Contains(HistoryRepository.DefaultTableName) || !tables.Contains("Debates"))
        {
            return;
        }

        var existing = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Debates')").ToListAsync(cancellationToken);
        foreach (var (name, definition) in AddedDebateColumns.Where(c => !existing.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
        {
            // Names and definitions are the constants above, never input; braces doubled, as raw SQL is a format string.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync(
                $"ALTER TABLE Debates ADD COLUMN \"{name}\" {definition.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)}",
                cancellationToken);
#pragma warning restore EF1002
            ColumnAdded(logger, name);
        }

        var baseline = db.Database.GetMigrations().First();
        var history = db.GetService<IHistoryRepository>();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
        Adopted(logger, baseline);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Added column {Column} to the Debates table of an older database")]
    private static partial void ColumnAdded(ILogger logger, string column);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Adopted a SQLite file made before migrations: recorded {Migration} as applied, the schema it describes being there already")]
    private static partial void Adopted(ILogger logger, string migration);
}
