using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DebateEvents.Host.Tests.KafkaApi;

/// <summary>HTTP calls the Kafka API tests share: publish an event, read JSON, wait for an outcome with a deadline.</summary>
internal static class HostApi
{
    public const string DebateTopic = "zamaz-debate.debate-events";
    public const string MetricsTopic = "zamaz-debate.metrics-events";

    public static async Task Publish(HttpClient client, string type, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri($"/events/{type}", UriKind.Relative), body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /events/{type}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static Task PublishMetric(HttpClient client, string name) =>
        Publish(client, "MetricRecorded", new { name, value = 1.5, tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });

    public static async Task<(HttpStatusCode Status, JsonElement Body)> Get(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> Post(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Polls <paramref name="probe"/> until it returns a value, or fails after 30 s naming <paramref name="what"/> and the last value seen.</summary>
    public static async Task<T> Eventually<T>(Func<Task<(bool Done, T Value)>> probe, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        T last = default!;
        while (DateTime.UtcNow < deadline)
        {
            var (done, value) = await probe();
            if (done)
            {
                return value;
            }

            last = value;
            await Task.Delay(100);
        }

        Assert.Fail($"Timed out after 30 s waiting for {what}; last seen: {last}");
        return default!;
    }
}
