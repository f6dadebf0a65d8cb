using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebateEvents.Testing;
using Microsoft.Data.Sqlite;

namespace DebateEvents.Host.Tests;

/// <summary>An accepted event is one outbox row and one record on its topic, however the endpoint set its ids.</summary>
[Trait("Category", "Integration")]
public sealed class OneRowPerEventTests
{
    [Fact]
    public async Task PostedEvent_IsOneOutboxRow_AndOneRecordOnItsTopic()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri("/events/MetricRecorded", UriKind.Relative),
                new { name = $"one-row-{i}", value = i, tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("eventId").GetGuid());
        }

        var rows = OutboxRows(factory.DatabasePath);
        var bootstrap = JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/introspect", UriKind.Relative))).RootElement.GetProperty("bootstrapServers").GetString()!;
        await Eventually.Until(() => ids.All(id => rows.ContainsKey(id)) && OutboxRows(factory.DatabasePath).Values.All(r => r.Delivered),
            TimeSpan.FromSeconds(15), () => "every row delivered");
        rows = OutboxRows(factory.DatabasePath);
        var onTopic = TopicReader.ReadAll(bootstrap, "zamaz-debate.metrics-events").GroupBy(r => Guid.Parse(r.Header("ce_id")!)).ToDictionary(g => g.Key, g => g.Count());

        Assert.All(ids, id => Assert.Equal(1, rows[id].Count));
        Assert.All(ids, id => Assert.Equal(1, onTopic.GetValueOrDefault(id)));
    }

    private static Dictionary<Guid, (int Count, bool Delivered)> OutboxRows(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT event_id, COUNT(*), MIN(delivered_at IS NOT NULL) FROM outbox_message GROUP BY event_id";
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<Guid, (int, bool)>();
        while (reader.Read())
        {
            rows[reader.GetGuid(0)] = (reader.GetInt32(1), reader.GetInt32(2) == 1);
        }

        return rows;
    }
}
