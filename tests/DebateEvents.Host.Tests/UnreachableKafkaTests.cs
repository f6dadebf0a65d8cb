using System.Net;
using System.Text.Json;
using DebateEvents.Embedded;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class UnreachableKafkaTests
{
    [Fact]
    public async Task Health_WhenBrokersAreUnreachable_IsUnhealthyAndSaysWhy()
    {
        // Port 1 on loopback: nothing listens there, so every connection is refused at once.
        await using var registry = await EmbeddedSchemaRegistry.StartAsync();
        await using var factory = new HostFactory
        {
            Settings =
            {
                ["Kafka:BootstrapServers"] = "127.0.0.1:1",
                ["SchemaRegistry:Url"] = registry.Url,
                ["SchemaRegistry:AutoRegisterSchemas"] = "true",
            },
        };
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var kafka = body.RootElement.GetProperty("checks").GetProperty("kafka");
        Assert.Equal("Unhealthy", kafka.GetProperty("status").GetString());
        Assert.Equal("Kafka is unreachable", kafka.GetProperty("description").GetString());
    }

    [Fact]
    public void Start_WithAnInvalidTopicPrefix_FailsNamingTheSetting()
    {
        using var factory = new HostFactory { Settings = { ["Kafka:TopicPrefix"] = "bad prefix!" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("TopicPrefix", error.ToString(), StringComparison.Ordinal);
    }
}
