using System.Net;
using System.Text.Json;
using DebateEvents.Host.Database;
using DebateEvents.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Host.Tests.Database;

/// <summary>A SQLite file an earlier version made with EnsureCreated (no migrations history) starts and keeps its data.</summary>
[Trait("Category", "Integration")]
public sealed class PreMigrationsFileTests
{
    [Fact]
    public async Task FileMadeBeforeMigrations_StartsWithItsData_AndRecordsTheBaseline()
    {
        await using var factory = new HostFactory { Settings = { ["KAFKA_ENABLED"] = "false" } };
        var old = Guid.NewGuid();
        await MakeOldFile(factory.DatabasePath, old);
        using var client = factory.CreateClient();

        var kept = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/debates/{old}", UriKind.Relative))).RootElement;
        var (_, applied, all) = await HostTables.Migrations(factory.Services);
        var added = await DatabaseProviderTests.PostDebate(client);

        Assert.Equal("Made before migrations", kept.GetProperty("question").GetString());
        Assert.Equal(0, kept.GetProperty("argumentsFor").GetInt32());
        Assert.Equal(all, applied);
        await Eventually.Until(async () => (await client.GetAsync(new Uri($"/debates/{added}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), () => $"new debate {added} in the adopted file's read model");
    }

    /// <summary>
    /// The schema the last version without migrations made (EnsureCreated of the first migration's model: the outbox's backoff
    /// index over every pending row, not today's retry index), minus the columns a yet older one lacked.
    /// </summary>
    private static async Task MakeOldFile(string path, Guid debate)
    {
        var options = new DbContextOptionsBuilder<SqliteDebateDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteDebateDbContext(options))
        {
            await db.Database.EnsureCreatedAsync();
        }

        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            ALTER TABLE Debates DROP COLUMN ArgumentsFor;
            ALTER TABLE Debates DROP COLUMN ArgumentsPerParticipant;
            DROP INDEX ix_outbox_message_retry;
            CREATE INDEX ix_outbox_message_backoff ON outbox_message (next_attempt_at) WHERE delivered_at IS NULL;
            INSERT INTO Debates (Id, Question, Participants, RoundsPlanned, CurrentRound, ArgumentCount, ArgumentsAgainst, ArgumentsNeutral, Status, UpdatedAt)
            VALUES ('{debate.ToString().ToUpperInvariant()}', 'Made before migrations', '["a","b"]', 1, 0, 0, 0, 0, 0, '2025-01-01 00:00:00+00:00');
            """;
        await command.ExecuteNonQueryAsync();
    }
}
