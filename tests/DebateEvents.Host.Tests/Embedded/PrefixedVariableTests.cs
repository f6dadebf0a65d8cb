using System.Text.Json;
using DebateEvents.Testing.Drills;

namespace DebateEvents.Host.Tests.Embedded;

/// <summary>Settings can come as DebateEvents__Section__Key environment variables; the KAFKA_* names still win.</summary>
[Trait("Category", "Integration")]
public sealed class PrefixedVariableTests
{
    [Fact]
    public async Task DebateEventsPrefixedVariables_AreRead_AndKafkaVariablesWin()
    {
        var database = Path.Combine(Path.GetTempPath(), $"prefixed-{Guid.NewGuid():N}.db");
        await using var host = await HostProcess.StartAsync(database, new Dictionary<string, string>(), new Dictionary<string, string>
        {
            ["DebateEvents__Kafka__TopicPrefix"] = "from-prefixed",
            ["DebateEvents__Kafka__Partitions"] = "5",
            ["KAFKA_NUM_PARTITIONS"] = "4",
        });
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        var topics = JsonSerializer.Deserialize<string[]>(await client.GetStringAsync(new Uri("/topics", UriKind.Relative)))!;
        var shown = JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/introspect", UriKind.Relative))).RootElement.GetProperty("configuration");

        Assert.All(topics, t => Assert.StartsWith("from-prefixed.", t, StringComparison.Ordinal));
        Assert.Equal("4", shown.GetProperty("Kafka:Partitions").GetString());
    }
}
