using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebateEvents.Outbox.Tests.Support;
using DebateEvents.Testing;
using Microsoft.Data.Sqlite;

namespace DebateEvents.Host.Tests.Database;

/// <summary>The database is chosen by configuration; migrations make its schema at start on an empty SQLite file or PostgreSQL database.</summary>
[Trait("Category", "Integration")]
public sealed class DatabaseProviderTests
{
    [Fact]
    public async Task Postgres_FromTheEnvironment_MigratesAnEmptyDatabase_AndHoldsReadModelsAndInbox()
    {
        await using var database = PostgresTestDatabase.Create();
        await using var factory = new HostFactory
        {
            Settings =
            {
                ["KAFKA_ENABLED"] = "false",
                ["DEBATE_EVENTS_DATABASE_PROVIDER"] = "POSTGRES",
                ["DEBATE_EVENTS_DATABASE_CONNECTION"] = database.ConnectionString,
            },
        };
        using var client = factory.CreateClient();

        var (provider, applied, all) = await HostTables.Migrations(factory.Services);
        var id = await PostDebate(client);

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", provider);
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Equal(1, await HostTables.Count(factory.Services,
            "SELECT COUNT(*) AS \"Value\" FROM information_schema.columns WHERE table_name = 'outbox_message' AND column_name = 'tx_id'"));
        await Eventually.Until(async () => (await client.GetAsync(new Uri($"/debates/{id}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), () => $"debate {id} in the PostgreSQL read model");
        Assert.Equal(1, await HostTables.Count(factory.Services,
            "SELECT COUNT(*) AS \"Value\" FROM outbox_inbox_state WHERE consumer = 'DebateEvents.Host.Processors.DebateEventProcessor'"));
        var shown = JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/introspect", UriKind.Relative))).RootElement.GetProperty("configuration");
        Assert.Equal("***", shown.GetProperty("ConnectionStrings:Debates").GetString());
        Assert.Equal("postgres", shown.GetProperty("Database:Provider").GetString());
    }

    [Fact]
    public async Task Sqlite_InAFolderThatDoesNotExistYet_CreatesTheFolderAndMigratesTheFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"host-folder-{Guid.NewGuid():N}", "data");
        var file = Path.Combine(folder, "debates.db");
        try
        {
            await using (var factory = new HostFactory { Settings = { ["KAFKA_ENABLED"] = "false", ["ConnectionStrings:Debates"] = $"Data Source={file}" } })
            {
                using var client = factory.CreateClient();
                var id = await PostDebate(client);

                Assert.True(File.Exists(file));
                await Eventually.Until(async () => (await client.GetAsync(new Uri($"/debates/{id}", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
                    TimeSpan.FromSeconds(20), () => $"debate {id} in the read model");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task Sqlite_ByDefault_MigratesAnEmptyFile()
    {
        await using var factory = new HostFactory { Settings = { ["KAFKA_ENABLED"] = "false" } };
        using var client = factory.CreateClient();

        var (provider, applied, all) = await HostTables.Migrations(factory.Services);
        var tables = await HostTables.Count(factory.Services,
            "SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name IN ('Debates', 'outbox_message', 'outbox_inbox_state', 'outbox_lease')");

        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", provider);
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
        Assert.Equal(4, tables);
        Assert.True(File.Exists(factory.DatabasePath));
    }

    [Theory]
    [InlineData("Database:Provider", "mysql", "Database:Provider 'mysql' is not valid; allowed: sqlite, postgres")]
    [InlineData("DEBATE_EVENTS_DATABASE_PROVIDER", "oracle", "DEBATE_EVENTS_DATABASE_PROVIDER='oracle' is not valid; allowed: sqlite, postgres")]
    public void UnknownProvider_StopsTheHost_NamingTheSettingAndTheAllowedValues(string key, string value, string message)
    {
        using var factory = new HostFactory { Settings = { [key] = value, ["KAFKA_ENABLED"] = "false" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithoutAConnectionString_StopsTheHost_NamingTheVariable()
    {
        using var factory = new HostFactory
        {
            Settings = { ["DEBATE_EVENTS_DATABASE_PROVIDER"] = "postgres", ["ConnectionStrings:Debates"] = "", ["KAFKA_ENABLED"] = "false" },
        };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DEBATE_EVENTS_DATABASE_CONNECTION", error.GetBaseException().Message, StringComparison.Ordinal);
    }

    internal static async Task<Guid> PostDebate(HttpClient client, Guid? id = null)
    {
        var debateId = id ?? Guid.NewGuid();
        using var response = await client.PostAsJsonAsync(new Uri("/events/DebateInitiated", UriKind.Relative), new
        {
            debateId, question = "Which database?", participants = new[] { "a", "b" }, roundsPlanned = 1, initiatedBy = "t", occurredAt = DateTimeOffset.UtcNow,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST DebateInitiated: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return debateId;
    }
}
