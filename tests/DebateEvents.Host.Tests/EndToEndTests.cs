using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebateEvents.Host.Tests.Processors;

namespace DebateEvents.Host.Tests;

/// <summary>
/// HTTP in, Kafka through, processors out: publish over HTTP, the outbox forwards to the embedded
/// cluster as Avro, the rider feeds the processors, and their read models answer over HTTP.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly WebhookSubscriberServer _subscriber = new();
    private HostFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new HostFactory
        {
            Settings =
            {
                ["Webhooks:Subscribers:0:Url"] = _subscriber.Url.ToString(),
                ["Webhooks:Subscribers:0:Secret"] = "e2e",
                ["Webhooks:Subscribers:0:EventTypes:0"] = "decision.made",
            },
        };
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        _subscriber.Dispose();
    }

    [Fact]
    public async Task PublishedDebateEvents_ReachTheDebateProcessorThroughKafka()
    {
        var id = Guid.NewGuid();
        await Publish("DebateInitiated", new { debateId = id, question = "Kafka or not?", participants = new[] { "a", "b" }, roundsPlanned = 2, initiatedBy = "e2e", occurredAt = DateTimeOffset.UtcNow });
        await Publish("ArgumentSubmitted", new { debateId = id, round = 1, participant = "a", position = "FOR", content = "yes", confidence = 0.9, occurredAt = DateTimeOffset.UtcNow });
        await Publish("DebateCompleted", new { debateId = id, outcome = "CONSENSUS", winningPosition = "FOR", rounds = 1, durationMs = 1000, occurredAt = DateTimeOffset.UtcNow });

        var debate = await Eventually(async () =>
        {
            using var response = await _client.GetAsync(new Uri($"/debates/{id}", UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return null;
            }

            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return body.GetProperty("status").GetString() == "Completed" ? body : (JsonElement?)null;
        }, $"debate {id} completed in the read model");

        Assert.Equal(1, debate.GetProperty("argumentCount").GetInt32());
        Assert.Equal("Kafka or not?", debate.GetProperty("question").GetString());
        Assert.Equal("Consensus", debate.GetProperty("outcome").GetString());
        Assert.Equal("For", debate.GetProperty("winningPosition").GetString());
    }

    [Fact]
    public async Task DecisionMade_IsRecorded_AndItsWebhookReachesTheSubscriberViaTheOutbox()
    {
        var decisionId = Guid.NewGuid();
        await Publish("DecisionMade", new
        {
            decisionId, debateId = Guid.NewGuid(), decision = "Use Avro", decisionType = "SIMPLE",
            confidence = 0.75m, implementationRequired = false, occurredAt = DateTimeOffset.UtcNow,
        });

        await Eventually(() => Task.FromResult(_subscriber.Calls.Any() ? (JsonElement?)default(JsonElement) : null), "a webhook call");
        var call = Assert.Single(_subscriber.Calls);
        Assert.Equal(decisionId.ToString("D"), call.Headers["X-DebateEvents-Id"]);
        var decisions = await _client.GetFromJsonAsync<JsonElement>(new Uri("/decisions", UriKind.Relative));
        Assert.Contains(decisions.EnumerateArray(), d => d.GetProperty("id").GetGuid() == decisionId);
    }

    [Fact]
    public async Task MetricRecorded_IsAggregated_AtTheReadModelsMetricRoute()
    {
        var name = $"e2e.latency.{Guid.NewGuid():N}";
        await Publish("MetricRecorded", new { name, value = 4.0, unit = "ms", tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });
        await Publish("MetricRecorded", new { name, value = 6.0, unit = "ms", tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });

        var metric = await Eventually(async () =>
        {
            using var response = await _client.GetAsync(new Uri($"/read-models/metrics/{name}", UriKind.Relative));
            var body = response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement : (JsonElement?)null;
            return body?.GetProperty("aggregate").GetProperty("count").GetInt64() == 2 ? body : null;
        }, $"metric {name} aggregated twice at /read-models/metrics/{name}");

        Assert.Equal(10, metric.GetProperty("aggregate").GetProperty("sum").GetDouble());
        Assert.Equal(2, metric.GetProperty("window").GetProperty("count").GetInt32());
        // The old path is gone: /metrics is the Prometheus scrape now.
        using var old = await _client.GetAsync(new Uri($"/metrics/{name}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
    }

    [Fact]
    public async Task BadBodies_GetProblemDetailsNamingTheField()
    {
        using var unknown = await _client.PostAsJsonAsync(new Uri("/events/NoSuchEvent", UriKind.Relative), new { });
        using var badField = await _client.PostAsJsonAsync(new Uri("/events/DebateInitiated", UriKind.Relative), new { debateId = "not-a-guid" });
        using var ruleBroken = await _client.PostAsJsonAsync(new Uri("/events/DebateInitiated", UriKind.Relative),
            new { debateId = Guid.NewGuid(), question = "q", participants = new[] { "alone" }, roundsPlanned = 1, initiatedBy = "t", occurredAt = DateTimeOffset.UtcNow });
        using var missing = await _client.PostAsJsonAsync(new Uri("/events/MetricRecorded", UriKind.Relative), new { name = "m" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badField.StatusCode);
        Assert.Contains("debateId", await badField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, ruleBroken.StatusCode);
        Assert.Contains("at least two participants", await ruleBroken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("value", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", badField.Content.Headers.ContentType?.MediaType);
    }

    private async Task Publish(string type, object body)
    {
        using var response = await _client.PostAsJsonAsync(new Uri($"/events/{type}", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /events/{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> Eventually(Func<Task<JsonElement?>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"Timed out after 30 s waiting for {what}.");
        return default;
    }
}
