using System.Net;
using System.Text.Json;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class HealthEndpointTests : IClassFixture<HostFactory>
{
    private readonly HostFactory _factory;

    public HealthEndpointTests(HostFactory factory) => _factory = factory;

    [Fact]
    public async Task Health_OnEmbeddedDefaults_BecomesHealthyWithEveryCheck()
    {
        using var client = _factory.CreateClient();

        // Right after start the topic endpoints may still wait for their partitions: poll like a readiness probe.
        var (status, body) = await WaitForHealthy(client, TimeSpan.FromSeconds(30));

        Assert.True(status == HttpStatusCode.OK, $"/health stayed {(int)status} for 30 s: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        var kafka = checks.GetProperty("kafka");
        Assert.Equal("Healthy", kafka.GetProperty("status").GetString());
        Assert.True(kafka.GetProperty("data").GetProperty("embedded").GetBoolean());
        Assert.Equal(1, kafka.GetProperty("data").GetProperty("brokers").GetInt32());
        Assert.Equal("Healthy", checks.GetProperty("debate-events-outbox").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("kafka-rider").GetProperty("status").GetString());
    }

    private static async Task<(HttpStatusCode Status, string Body)> WaitForHealthy(HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK || DateTime.UtcNow > deadline)
            {
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                return (response.StatusCode, body);
            }

            await Task.Delay(100);
        }
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
