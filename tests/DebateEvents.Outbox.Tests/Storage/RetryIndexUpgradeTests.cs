using System.Text.Json;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.Data.Sqlite;

namespace DebateEvents.Outbox.Tests.Storage;

/// <summary>
/// A SQLite file made by a version whose backoff index held every pending row: at start the outbox replaces that index
/// with the retry index (only rows that failed once), and the rows pending in the file, one of them waiting for its
/// retry, still go out in their key's order.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RetryIndexUpgradeTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task FileWithTheOldBackoffIndex_IsUpgraded_AndItsPendingRowsDeliverInOrder()
    {
        var topic = kafka.CreateTopic("retry-index");
        var bootstrap = kafka.Cluster.BootstrapServers;
        await using var database = new SqliteTestDatabase();
        var debate = Guid.NewGuid();
        await using (var old = await OutboxTestHost.StartAsync(database, bootstrap, topic, o => o.EnableDispatcher = false))
        {
            for (var i = 0; i < 10; i++)
            {
                await old.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(debate, "upgrade", i)));
            }
        }

        await ExecuteAsync(database, """
            DROP INDEX ix_outbox_message_retry;
            CREATE INDEX ix_outbox_message_backoff ON outbox_message (next_attempt_at) WHERE delivered_at IS NULL;
            UPDATE outbox_message SET attempts = 1, next_attempt_at = 1, last_error = 'Local_MsgTimedOut: timed out'
            WHERE sequence_number = (SELECT MIN(sequence_number) FROM outbox_message);
            """);

        await using var upgraded = await OutboxTestHost.StartAsync(database, bootstrap, topic);
        await Eventually.Until(async () => await upgraded.UndeliveredAsync() == 0, Deadline, () => "pending rows of the upgraded file not delivered");

        var indexes = await IndexesAsync(database);
        Assert.DoesNotContain(indexes, i => i.Name == "ix_outbox_message_backoff");
        Assert.Contains(indexes, i => i.Name == "ix_outbox_message_retry" && i.Sql.Contains("next_attempt_at > 0", StringComparison.Ordinal));
        var sequences = TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From)
            .Select(r => JsonSerializer.Deserialize<DebateOpened>(r.Value, JsonSerializerOptions.Web)!.Sequence).ToList();
        Assert.Equal(Enumerable.Range(0, 10), sequences);
    }

    private static async Task ExecuteAsync(SqliteTestDatabase database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string Name, string Sql)>> IndexesAsync(SqliteTestDatabase database)
    {
        await using var connection = new SqliteConnection($"Data Source={database.FilePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox_message' AND sql IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var indexes = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }

        return indexes;
    }
}
