using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DebateEvents.Testing;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class WaitForAcknowledgementTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task WaitTrue_AnswersWithTheRecordsTopicPartitionAndOffset_OnBothPublishingEndpoints()
    {
        using var typed = await _client.PostAsJsonAsync(new Uri("/events/MetricRecorded?wait=true", UriKind.Relative),
            new { name = "acknowledged-typed", value = 1, tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });
        using var generic = await _client.PostAsJsonAsync(new Uri("/kafka/events?wait=true", UriKind.Relative), new
        {
            event_type = "MetricRecorded",
            event_data = new { name = "acknowledged-generic", value = 2, tags = new Dictionary<string, string>(), occurred_at = DateTimeOffset.UtcNow },
        });

        Assert.Equal(HttpStatusCode.OK, typed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, generic.StatusCode);
        var bootstrap = JsonDocument.Parse(await _client.GetStringAsync(new Uri("/kafka/introspect", UriKind.Relative))).RootElement.GetProperty("bootstrapServers").GetString()!;
        var records = TopicReader.ReadAll(bootstrap, "zamaz-debate.metrics-events");
        foreach (var (body, id) in new[] { (await Body(typed), "eventId"), (await Body(generic), "event_id") })
        {
            Assert.True(body.GetProperty("acknowledged").GetBoolean());
            Assert.Equal("zamaz-debate.metrics-events", body.GetProperty("topic").GetString());
            var record = Assert.Single(records, r => r.Partition == body.GetProperty("partition").GetInt32() && r.Offset == body.GetProperty("offset").GetInt64());
            Assert.Equal(body.GetProperty(id).GetGuid().ToString("D"), record.Header("ce_id"));
        }
    }

    [Fact]
    public async Task WithoutWait_TheAnswerIsAccepted_BeforeTheBrokerIsAsked()
    {
        using var response = await _client.PostAsJsonAsync(new Uri("/events/MetricRecorded", UriKind.Relative),
            new { name = "not-waited", value = 1, tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.False((await Body(response)).TryGetProperty("partition", out _));
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
