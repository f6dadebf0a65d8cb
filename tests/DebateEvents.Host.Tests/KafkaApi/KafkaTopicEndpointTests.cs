using System.Net;
using System.Text.Json;

namespace DebateEvents.Host.Tests.KafkaApi;

[Trait("Category", "Integration")]
public sealed class KafkaTopicEndpointTests : HostApiTests
{
    [Fact]
    public async Task Topics_ListsTheDomainTopicsFromTheBrokerWithTheirPartitions()
    {
        var (status, topics) = await HostApi.Get(Client, "/kafka/topics");

        Assert.Equal(HttpStatusCode.OK, status);
        var byName = topics.EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        foreach (var name in new[] { HostApi.DebateTopic, "zamaz-debate.debate-events.dead-letter", "zamaz-debate.evolution-events.retry" })
        {
            Assert.True(byName.ContainsKey(name), $"{name} missing from {topics}");
            Assert.Equal(3, byName[name].GetProperty("partitions").GetInt32());
            Assert.Equal(1, byName[name].GetProperty("replicationFactor").GetInt32());
            Assert.Equal(JsonValueKind.Null, byName[name].GetProperty("retentionMs").ValueKind);
        }
    }

    [Fact]
    public async Task TopicDetail_WatermarksMoveAfterPublishing_AndTheProcessorGroupCatchesUp()
    {
        var before = await HighWatermarks(HostApi.MetricsTopic);

        await HostApi.PublishMetric(Client, $"detail-{Guid.NewGuid():N}");

        var detail = await HostApi.Eventually(async () =>
        {
            var (_, body) = await HostApi.Get(Client, $"/kafka/topics/{HostApi.MetricsTopic}");
            var group = body.GetProperty("groups").EnumerateArray().FirstOrDefault(g => g.GetProperty("group").GetString() == "metrics-processors");
            var high = body.GetProperty("partitions").EnumerateArray().Sum(p => p.GetProperty("high").GetInt64());
            return (high > before && group.ValueKind == JsonValueKind.Object && group.GetProperty("lag").GetInt64() == 0, body);
        }, "a new record on the metrics topic and metrics-processors with lag 0");

        var partitions = detail.GetProperty("partitions").EnumerateArray().ToList();
        Assert.Equal(3, partitions.Count);
        Assert.All(partitions, p => Assert.Equal(1, p.GetProperty("leader").GetInt32()));
        var committed = detail.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "metrics-processors")
            .GetProperty("partitions").EnumerateArray().Sum(p => p.GetProperty("committed").ValueKind == JsonValueKind.Number ? p.GetProperty("committed").GetInt64() : 0);
        Assert.Equal(partitions.Sum(p => p.GetProperty("high").GetInt64()), committed);
    }

    [Fact]
    public async Task TopicDetail_OfAnUnknownTopic_Is404Problem()
    {
        using var response = await Client.GetAsync(new Uri("/kafka/topics/no-such-topic", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-such-topic", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateTopic_Is201AndListed_ThenConflicts_AndBadValuesNameTheField()
    {
        var name = $"ops-{Guid.NewGuid():N}";

        var (created, body, _) = await HostApi.Post(Client, "/kafka/topics", new { name, num_partitions = 2, replication_factor = 1 });
        var (again, _, againType) = await HostApi.Post(Client, "/kafka/topics", new { name, num_partitions = 2 });
        var (routed, _, _) = await HostApi.Post(Client, "/kafka/topics", new { event_type = "DebateInitiated" });
        var (_, topics) = await HostApi.Get(Client, "/kafka/topics");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(2, body.GetProperty("partitions").GetInt32());
        var listed = topics.EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);
        Assert.Equal(2, listed.GetProperty("partitions").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("application/problem+json", againType);
        Assert.Equal(HttpStatusCode.Conflict, routed);
        await AssertBadValue(new { name = $"x-{Guid.NewGuid():N}", num_partitions = 0 }, "num_partitions");
        await AssertBadValue(new { name = $"x-{Guid.NewGuid():N}", replication_factor = 2 }, "replication_factor");
        await AssertBadValue(new { name = $"x-{Guid.NewGuid():N}", retention_ms = -5 }, "retention_ms");
        await AssertBadValue(new { name = "bad name!" }, "name");
        await AssertBadValue(new { event_type = "NoSuchEvent" }, "event_type");
        await AssertBadValue(new { name = $"x-{Guid.NewGuid():N}", num_partitions = "three" }, "num_partitions");
    }

    private async Task AssertBadValue(object request, string field)
    {
        var (status, problem, mediaType) = await HostApi.Post(Client, "/kafka/topics", request);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
    }

    private async Task<long> HighWatermarks(string topic)
    {
        var (status, body) = await HostApi.Get(Client, $"/kafka/topics/{topic}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("partitions").EnumerateArray().Sum(p => p.GetProperty("high").GetInt64());
    }
}
