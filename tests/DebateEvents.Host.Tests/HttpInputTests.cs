using System.Net;
using System.Text;

namespace DebateEvents.Host.Tests;

/// <summary>Whatever a client sends, the publishing endpoint answers 4xx with a problem body, never 5xx.</summary>
[Trait("Category", "Integration")]
public sealed class HttpInputTests(HostFactory factory) : IClassFixture<HostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task WrongContentType_Gets415()
    {
        using var response = await _client.PostAsync(new Uri("/events/MetricRecorded", UriKind.Relative),
            new StringContent("""{"name":"m","value":1,"tags":{},"occurredAt":"2026-11-30T00:00:00Z"}""", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BodyOverOneMebibyte_Gets413_WithOrWithoutALength()
    {
        var huge = $$"""{"name":"{{new string('x', 1 << 20)}}","value":1,"tags":{},"occurredAt":"2026-11-30T00:00:00Z"}""";
        using var withLength = await _client.PostAsync(new Uri("/events/MetricRecorded", UriKind.Relative), new StringContent(huge, Encoding.UTF8, "application/json"));
        var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        chunked.Headers.ContentLength = null;
        using var withoutLength = await _client.PostAsync(new Uri("/events/MetricRecorded", UriKind.Relative), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withLength.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
    }

    [Fact]
    public async Task BodyTooLargeForOneKafkaRecord_Gets413_RatherThanAnAcceptanceKafkaWouldRefuse()
    {
        // Under 1 MiB, but its record would exceed Kafka's 1,000,000-byte message size: accepted, it would be parked
        // by the outbox as MsgSizeTooLarge and never reach a consumer (found by drill-fuzz).
        var body = $$"""{"debateId":"{{Guid.NewGuid()}}","question":"{{new string('q', 950_000)}}","participants":["a","b"],"roundsPlanned":2,"initiatedBy":"t","occurredAt":"2026-11-30T00:00:00Z"}""";
        using var response = await _client.PostAsync(new Uri("/events/DebateInitiated", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("900000 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{")]
    [InlineData("{\"name\":")]
    [InlineData("{\"name\":1,\"value\":\"x\"}")]
    [InlineData("{\"name\":\"m\",\"value\":1e999,\"tags\":{},\"occurredAt\":\"2026-11-30T00:00:00Z\"}")]
    [InlineData("{\"name\":\"m\",\"value\":1,\"tags\":{\"k\":1},\"occurredAt\":\"2026-11-30T00:00:00Z\"}")]
    [InlineData("{\"name\":\"m\",\"value\":1,\"tags\":{},\"occurredAt\":\"yesterday\"}")]
    [InlineData("{\"name\":\"m\",\"value\":1,\"tags\":{},\"occurredAt\":\"2026-11-30T00:00:00Z\",\"extra\":true}")]
    [InlineData("\"\\ud800\"")]
    public async Task MalformedOrMistypedJson_Gets400WithAProblem(string body)
    {
        using var response = await _client.PostAsync(new Uri("/events/MetricRecorded", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
