using System.Net;
using System.Text.Json;

namespace DebateEvents.Host.Tests.KafkaApi;

/// <summary>
/// <c>GET /kafka/consumers</c> lists the host's topic endpoints; pausing one really pauses its Kafka partitions (the group's
/// committed offset stops while records wait), resuming it catches up.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KafkaConsumerEndpointTests : HostApiTests
{
    private const string MetricsEndpoint = $"kafka/{HostApi.MetricsTopic}/metrics-processors";

    [Fact]
    public async Task Consumers_ListEachEndpointWithGroupAndPartitions()
    {
        var metrics = await Consumer(c => c.GetProperty("partitions").GetArrayLength() == 3 && c.GetProperty("state").GetString() == "Healthy",
            "the metrics endpoint healthy, holding its 3 partitions");

        Assert.Equal(HostApi.MetricsTopic, metrics.GetProperty("topic").GetString());
        Assert.Equal("metrics-processors", metrics.GetProperty("group").GetString());
        Assert.False(metrics.GetProperty("paused").GetBoolean());
        Assert.False(metrics.GetProperty("circuitOpen").GetBoolean());
        Assert.Contains($"{HostApi.MetricsTopic}/0", metrics.GetProperty("partitions").EnumerateArray().Select(p => p.GetString()));
        var (_, all) = await HostApi.Get(Client, "/kafka/consumers");
        Assert.Contains(all.EnumerateArray(), c => c.GetProperty("endpoint").GetString() == $"kafka/{HostApi.DebateTopic}/debate-processors");
    }

    [Fact]
    public async Task Pause_StopsConsumption_AndResume_CatchesUp()
    {
        await Consumer(c => c.GetProperty("partitions").GetArrayLength() == 3, "the metrics endpoint with its partitions");
        var (paused, pausedBody, _) = await HostApi.Post(Client, $"/kafka/consumers/{Uri.EscapeDataString(MetricsEndpoint)}/pause", new { });
        Assert.Equal(HttpStatusCode.OK, paused);
        Assert.True(pausedBody.GetProperty("paused").GetBoolean());

        var name = $"paused-{Guid.NewGuid():N}";
        var (published, ack, _) = await HostApi.Post(Client, "/events/MetricRecorded?wait=true",
            new { name, value = 1.5, tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });
        Assert.Equal(HttpStatusCode.OK, published);
        var acknowledgedAt = DateTimeOffset.UtcNow;
        // The endpoint kept polling well after the record was in the topic: unpaused, it would have consumed it by then.
        var state = await Consumer(c => c.GetProperty("lastPoll").GetDateTimeOffset() > acknowledgedAt.AddSeconds(1), "a poll a second after the record arrived");
        Assert.True(state.GetProperty("paused").GetBoolean());
        Assert.Equal("Degraded", state.GetProperty("state").GetString());
        var (missing, _) = await HostApi.Get(Client, $"/read-models/metrics/{name}");
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.True(await Lag(ack.GetProperty("partition").GetInt32()) >= 1);

        var (resumed, _, _) = await HostApi.Post(Client, $"/kafka/consumers/{Uri.EscapeDataString(MetricsEndpoint)}/resume", new { });
        Assert.Equal(HttpStatusCode.OK, resumed);
        await HostApi.Eventually(async () => ((await HostApi.Get(Client, $"/read-models/metrics/{name}")).Status == HttpStatusCode.OK, name),
            "the metric in the read model after resume");
        await HostApi.Eventually(async () => (await Lag(ack.GetProperty("partition").GetInt32()) == 0, 0), "the group's lag back to 0");
        Assert.False((await Consumer(_ => true, "the metrics endpoint")).GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task Pause_OfAnUnknownEndpoint_IsNotFoundNamingIt()
    {
        var (status, body, mediaType) = await HostApi.Post(Client, $"/kafka/consumers/{Uri.EscapeDataString("kafka/nope/none")}/pause", new { });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("kafka/nope/none", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private Task<JsonElement> Consumer(Func<JsonElement, bool> condition, string what) => HostApi.Eventually(async () =>
    {
        var (_, body) = await HostApi.Get(Client, "/kafka/consumers");
        var metrics = body.EnumerateArray().FirstOrDefault(c => c.GetProperty("endpoint").GetString() == MetricsEndpoint);
        return (metrics.ValueKind == JsonValueKind.Object && condition(metrics), metrics);
    }, what);

    private async Task<long> Lag(int partition)
    {
        var (_, topic) = await HostApi.Get(Client, $"/kafka/topics/{HostApi.MetricsTopic}");
        var group = topic.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "metrics-processors");
        return group.GetProperty("partitions").EnumerateArray().Single(p => p.GetProperty("partition").GetInt32() == partition).GetProperty("lag").GetInt64();
    }
}
