using System.Net;
using System.Text.Json;

namespace DebateEvents.Host.Tests.KafkaApi;

[Trait("Category", "Integration")]
public sealed class KafkaStatsEndpointTests : HostApiTests
{
    [Fact]
    public async Task Stats_CountTrafficPerTopic_AndPublishLatency()
    {
        var (status, before) = await HostApi.Get(Client, "/kafka/stats");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(before.GetProperty("topics").TryGetProperty(HostApi.MetricsTopic, out _), before.ToString());

        await HostApi.PublishMetric(Client, $"stats-{Guid.NewGuid():N}");
        await HostApi.PublishMetric(Client, $"stats-{Guid.NewGuid():N}");

        var stats = await HostApi.Eventually(async () =>
        {
            var (_, body) = await HostApi.Get(Client, "/kafka/stats");
            return (body.GetProperty("topics").TryGetProperty(HostApi.MetricsTopic, out var topic) && topic.GetProperty("processed").GetInt64() >= 2
                && body.GetProperty("activeConsumers").GetInt32() == 6, body);
        }, "two processed records on the metrics topic and six running consumers (five processors and the analysis handler)");

        var metrics = stats.GetProperty("topics").GetProperty(HostApi.MetricsTopic);
        // The outbox sends with its own producer: its deliveries count under outbox, not under the rider's produced.
        Assert.Equal(0, metrics.GetProperty("produced").GetInt64());
        Assert.True(metrics.GetProperty("consumed").GetInt64() >= 2, metrics.ToString());
        Assert.Equal(0, metrics.GetProperty("failed").GetInt64());
        Assert.Equal(0, metrics.GetProperty("deadLettered").GetInt64());
        Assert.True(stats.GetProperty("outbox").GetProperty("delivered").GetInt64() >= 2, stats.ToString());
        Assert.True(stats.GetProperty("publishLatencyMs").GetProperty("samples").GetInt32() >= 2, stats.ToString());
        Assert.True(stats.GetProperty("publishLatencyMs").GetProperty("p99").GetDouble() > 0, stats.ToString());
        Assert.Equal(JsonValueKind.Number, stats.GetProperty("outbox").GetProperty("backlog").ValueKind);
    }

    [Fact]
    public async Task KafkaHealth_ReportsKafkaAvailableAndEveryComponent()
    {
        var health = await HostApi.Eventually(async () =>
        {
            var (status, body) = await HostApi.Get(Client, "/kafka/health");
            return (status == HttpStatusCode.OK && body.GetProperty("status").GetString() == "Healthy", body);
        }, "/kafka/health to report Healthy");

        Assert.True(health.GetProperty("running").GetBoolean());
        Assert.True(health.GetProperty("kafkaAvailable").GetBoolean());
        var components = health.GetProperty("components");
        Assert.Equal("Healthy", components.GetProperty("kafka").GetString());
        Assert.Equal("Healthy", components.GetProperty($"kafka-endpoint:kafka/{HostApi.DebateTopic}/debate-processors").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastError").ValueKind);
    }
}
