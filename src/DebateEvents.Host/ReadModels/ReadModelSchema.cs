using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Host.ReadModels;

/// <summary>
/// Creates the database at start (EF's EnsureCreated, as the outbox does next) and adds the columns later versions
/// of the read models brought to a database an older version created, since EnsureCreated leaves existing tables
/// as they are. Registered before the bus, so no processor meets a missing column.
/// </summary>
internal sealed partial class ReadModelSchema(IServiceScopeFactory scopes, ILogger<ReadModelSchema> logger) : IHostedService
{
    // Columns of DebateView added after the first release: name and SQLite definition.
    private static readonly (string Name, string Definition)[] AddedDebateColumns =
    [
        (nameof(DebateView.ArgumentsFor), "INTEGER NOT NULL DEFAULT 0"),
        (nameof(DebateView.ArgumentsAgainst), "INTEGER NOT NULL DEFAULT 0"),
        (nameof(DebateView.ArgumentsNeutral), "INTEGER NOT NULL DEFAULT 0"),
        (nameof(DebateView.ArgumentsPerParticipant), "TEXT NOT NULL DEFAULT '{}'"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DebateDbContext>();
        await db.Database.EnsureCreatedAsync(cancellationToken);
        var existing = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM pragma_table_info('Debates')").ToListAsync(cancellationToken);
        foreach (var (name, definition) in AddedDebateColumns.Where(c => !existing.Contains(c.Name, StringComparer.OrdinalIgnoreCase)))
        {
            // Names and definitions are the constants above, never input.
#pragma warning disable EF1002
            await db.Database.ExecuteSqlRawAsync($"ALTER TABLE Debates ADD COLUMN \"{name}\" {definition}", cancellationToken);
#pragma warning restore EF1002
            ColumnAdded(logger, name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Added column {Column} to the Debates table of an older database")]
    private static partial void ColumnAdded(ILogger logger, string column);
}
