using System.Net;
using System.Text.Json;
using DebateEvents.Testing;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class HealthProbeAndOpenApiTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Live_RunsNoCheck_AndReady_RunsTheReadyChecks()
    {
        using var live = await _client.GetAsync(new Uri("/health/live", UriKind.Relative));
        // Readiness is 503 until the topic endpoints have their partitions: wait for it, as a load balancer would.
        await Eventually.Until(async () =>
        {
            using var response = await _client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), () => "/health/ready answering 200");
        var ready = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/health/ready", UriKind.Relative))).RootElement.GetProperty("checks");
        using var health = await _client.GetAsync(new Uri("/health", UriKind.Relative));
        var all = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Empty(JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").EnumerateObject());
        Assert.True(ready.TryGetProperty("kafka", out _));
        Assert.True(ready.TryGetProperty("debate-events-outbox", out _));
        Assert.True(all.EnumerateObject().Count() >= ready.EnumerateObject().Count());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePublishingAndKafkaEndpoints()
    {
        var document = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative))).RootElement;

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/events/{type}", paths);
        Assert.Contains("/kafka/events", paths);
        Assert.Contains("/kafka/topics", paths);
        Assert.Contains("/kafka/dead-letters/{topic}/replay", paths);
    }
}
