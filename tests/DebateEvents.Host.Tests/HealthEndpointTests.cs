using System.Net;
using System.Text.Json;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class HealthEndpointTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public HealthEndpointTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Health_OnEmbeddedDefaults_IsHealthyWithTheKafkaCheck()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var kafka = body.RootElement.GetProperty("checks").GetProperty("kafka");
        Assert.Equal("Healthy", kafka.GetProperty("status").GetString());
        Assert.True(kafka.GetProperty("data").GetProperty("embedded").GetBoolean());
        Assert.Equal(1, kafka.GetProperty("data").GetProperty("brokers").GetInt32());
    }

    [Fact]
    public async Task Topics_ListsEveryDomainTopicWithItsCompanions()
    {
        using var client = _factory.CreateClient();

        var topics = JsonSerializer.Deserialize<string[]>(await client.GetStringAsync(new Uri("/topics", UriKind.Relative)));

        Assert.NotNull(topics);
        Assert.Equal(15, topics.Length);
        Assert.Contains("zamaz-debate.debate-events", topics);
        Assert.Contains("zamaz-debate.decision-events.retry", topics);
        Assert.Contains("zamaz-debate.metrics-events.dead-letter", topics);
    }
}
