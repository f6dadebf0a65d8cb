using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DebateEvents.Host.Tests;

/// <summary>
/// POST /debates/{id}/analysis: an AnalyzeDebate request through the embedded Kafka cluster, answered by the
/// handler's RespondAsync from the read model, and back to HTTP.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AnalysisTests(AnalysisTests.SharedHost shared) : IClassFixture<AnalysisTests.SharedHost>
{
    private HttpClient Client => shared.Client;

    [Fact]
    public async Task Analysis_OfAPublishedDebate_CountsItsArgumentsPerPositionAndParticipant()
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await Publish("DebateInitiated", new { debateId = id, question = "Tabs?", participants = new[] { "ann", "bob", "cy" }, roundsPlanned = 3, initiatedBy = "t", occurredAt = now });
        await Publish("ArgumentSubmitted", new { debateId = id, round = 1, participant = "ann", position = "FOR", content = "a1", occurredAt = now });
        await Publish("ArgumentSubmitted", new { debateId = id, round = 1, participant = "bob", position = "AGAINST", content = "b1", occurredAt = now });
        await Publish("ArgumentSubmitted", new { debateId = id, round = 2, participant = "ann", position = "FOR", content = "a2", occurredAt = now });
        await Until(async () => await ArgumentCount(id) == 3, $"three arguments of debate {id} in the read model");

        using var response = await Client.PostAsync(new Uri($"/debates/{id}/analysis", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var analysis = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(id, analysis.GetProperty("debateId").GetGuid());
        Assert.Equal(("OPEN", 2, "For"), (analysis.GetProperty("status").GetString(), analysis.GetProperty("rounds").GetInt32(),
            analysis.GetProperty("currentLeader").GetString()));
        Assert.Equal(new Dictionary<string, int> { ["FOR"] = 2, ["AGAINST"] = 1, ["NEUTRAL"] = 0 },
            analysis.GetProperty("argumentsPerPosition").Deserialize<Dictionary<string, int>>());
        Assert.Equal(new Dictionary<string, int> { ["ann"] = 2, ["bob"] = 1, ["cy"] = 0 },
            analysis.GetProperty("argumentsPerParticipant").Deserialize<Dictionary<string, int>>());
    }

    [Fact]
    public async Task Analysis_OfAnUnknownDebate_Is404WithAProblem()
    {
        var id = Guid.NewGuid();

        using var response = await Client.PostAsync(new Uri($"/debates/{id}/analysis", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(id.ToString(), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_WithoutAReplyWithinTheRequestTimeout_Is504WithAProblem()
    {
        // A timeout far below one Kafka round trip: no reply can make it, whatever the machine's load.
        await using var factory = new HostFactory { Settings = { ["Kafka:RequestTimeout"] = "00:00:00.001" } };
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri($"/debates/{Guid.NewGuid()}/analysis", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No DebateAnalysis", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analysis_WithKafkaOff_Is503SayingItNeedsKafka()
    {
        await using var factory = new HostFactory { Settings = { ["KAFKA_ENABLED"] = "false" } };
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(new Uri($"/debates/{Guid.NewGuid()}/analysis", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("needs Kafka", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task Publish(string type, object body)
    {
        using var response = await Client.PostAsJsonAsync(new Uri($"/events/{type}", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /events/{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<int> ArgumentCount(Guid id)
    {
        using var response = await Client.GetAsync(new Uri($"/debates/{id}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("argumentCount").GetInt32()
            : -1;
    }

    private static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after 30 s waiting for {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>One host on its embedded defaults for the tests that do not change its settings; each uses its own debates.</summary>
    public sealed class SharedHost : IAsyncDisposable
    {
        private readonly HostFactory _factory = new();

        public SharedHost() => Client = _factory.CreateClient();

        public HttpClient Client { get; }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _factory.DisposeAsync();
        }
    }
}
