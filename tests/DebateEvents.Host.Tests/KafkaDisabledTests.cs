using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebateEvents.Testing;

namespace DebateEvents.Host.Tests;

/// <summary>KAFKA_ENABLED=false: no Kafka client at all, and every processor still gets its events, through the in-process bus.</summary>
[Trait("Category", "Integration")]
public sealed class KafkaDisabledTests
{
    [Fact]
    public async Task WithKafkaOff_EveryProcessorIsFed_ThroughTheInProcessBus()
    {
        await using var factory = new HostFactory { Settings = { ["KAFKA_ENABLED"] = "false", ["Webhooks:Subscribers:0:Url"] = "http://127.0.0.1:1/hooks" } };
        using var client = factory.CreateClient();
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await Post(client, "DebateInitiated", new { debateId = id, question = "Offline?", participants = new[] { "a", "b" }, roundsPlanned = 1, initiatedBy = "t", occurredAt = now });
        await Post(client, "ArgumentSubmitted", new { debateId = id, round = 1, participant = "a", position = "FOR", content = "yes", occurredAt = now });
        await Post(client, "DecisionMade", new { decisionId = Guid.NewGuid(), debateId = id, decision = "go", decisionType = "EVOLUTIONARY", confidence = 0.5, implementationRequired = true, occurredAt = now });
        await Post(client, "EvolutionTriggered", new { evolutionId = Guid.NewGuid(), feature = "f", trigger = "t", impact = "LOW", debateId = id, occurredAt = now });
        await Post(client, "MetricRecorded", new { name = "offline.metric", value = 2.5, tags = new Dictionary<string, string>(), occurredAt = now });

        await Until(async () =>
        {
            using var response = await client.GetAsync(new Uri($"/debates/{id}", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("argumentCount").GetInt32() == 1;
        }, "the debate's read model with its argument");
        await Until(async () => (await client.GetStringAsync(new Uri($"/decisions?debateId={id}", UriKind.Relative))) != "[]", "the decision");
        await Until(async () => (await client.GetStringAsync(new Uri("/evolutions", UriKind.Relative))) != "[]", "the evolution");
        var debate = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/debates/{id}", UriKind.Relative))).RootElement;
        Assert.Equal(1, debate.GetProperty("argumentCount").GetInt32());
        var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement.GetProperty("checks");
        Assert.False(health.TryGetProperty("kafka", out _));
        var introspect = JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/introspect", UriKind.Relative))).RootElement;
        Assert.Equal("in-process", introspect.GetProperty("mode").GetString());
    }

    private static async Task Post(HttpClient client, string type, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/events/{type}", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static Task Until(Func<Task<bool>> condition, string what) => Eventually.Until(condition, TimeSpan.FromSeconds(15), () => what);
}
