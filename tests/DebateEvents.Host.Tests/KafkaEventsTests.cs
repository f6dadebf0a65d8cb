using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class KafkaEventsTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task GenericEvent_WithSnakeCaseData_IsPublishedThroughTheOutbox_AndReachesItsProcessor()
    {
        var id = Guid.NewGuid();
        var correlation = Guid.NewGuid();

        using var response = await _client.PostAsJsonAsync(new Uri("/kafka/events", UriKind.Relative), new
        {
            event_type = "DebateInitiated",
            event_data = new { debate_id = id, question = "Generic?", participants = new[] { "a", "b" }, rounds_planned = 2, initiated_by = "t", occurred_at = DateTimeOffset.UtcNow },
            partition_key = id.ToString(),
            correlation_id = correlation,
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("zamaz-debate.debate-events", body.GetProperty("topic").GetString());
        Assert.NotEqual(Guid.Empty, body.GetProperty("event_id").GetGuid());
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await _client.GetAsync(new Uri($"/debates/{id}", UriKind.Relative))).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"debate {id} never reached its read model");
            await Task.Delay(50);
        }
    }

    [Theory]
    [InlineData("""{"event_type":"NoSuch","event_data":{}}""", "event_type")]
    [InlineData("""{"event_type":5,"event_data":{}}""", "event_type")]
    [InlineData("""{"event_type":"MetricRecorded"}""", "event_data")]
    [InlineData("""{"event_type":"MetricRecorded","event_data":[1]}""", "event_data")]
    [InlineData("""{"event_type":"MetricRecorded","event_data":{"name":"m","value":"x","tags":{},"occurred_at":"2026-11-30T00:00:00Z"}}""", "event_data")]
    [InlineData("""{"event_type":"MetricRecorded","event_data":{"name":"m","value":1,"tags":{},"occurred_at":"2026-11-30T00:00:00Z"},"partition_key":"other"}""", "partition_key")]
    [InlineData("""{"event_type":"MetricRecorded","event_data":{"name":"m","value":1,"tags":{},"occurred_at":"2026-11-30T00:00:00Z"},"correlation_id":7}""", "correlation_id")]
    [InlineData("""[]""", "body")]
    public async Task BadRequests_Get400NamingTheField(string body, string field)
    {
        using var response = await _client.PostAsync(new Uri("/kafka/events", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.Ordinal));
    }
}
