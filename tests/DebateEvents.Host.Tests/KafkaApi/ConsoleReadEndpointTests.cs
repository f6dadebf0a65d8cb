using System.Net;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Tests.Database;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Host.Tests.KafkaApi;

/// <summary>
/// The read routes the operator console is built on: rate history, outbox backlog by bucket, a topic's newest records
/// decoded, and an event type's schema; each answers bad input with a problem.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConsoleReadEndpointTests : HostApiTests
{
    [Fact]
    public async Task History_ShowsProducedAndConsumedRatesPerTopic_FromTheOutboxDeliveriesPerTopic()
    {
        for (var i = 0; i < 5; i++)
        {
            await HostApi.PublishMetric(Client, $"rate-{Guid.NewGuid():N}");
        }

        var sample = await HostApi.Eventually(async () =>
        {
            var (_, body) = await HostApi.Get(Client, "/kafka/stats/history?minutes=1");
            var topics = body.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("topics"))
                .Where(t => t.TryGetProperty(HostApi.MetricsTopic, out _)).Select(t => t.GetProperty(HostApi.MetricsTopic)).ToList();
            var produced = topics.Sum(t => t.GetProperty("produced").GetDouble());
            var consumed = topics.Sum(t => t.GetProperty("consumed").GetDouble());
            return (produced > 0 && consumed > 0, body);
        }, "produced and consumed rates on the metrics topic");

        // The outbox's deliveries are counted per topic from its delivered counter's topic tag.
        await HostApi.Eventually(async () =>
        {
            var (_, stats) = await HostApi.Get(Client, "/kafka/stats");
            return (stats.GetProperty("topics").GetProperty(HostApi.MetricsTopic).GetProperty("delivered").GetInt64() == 5, stats);
        }, "five outbox deliveries counted on the metrics topic");
        Assert.Equal(2, sample.GetProperty("intervalSeconds").GetDouble());
        // Rates are per second over two-second samples: five records make 2.5 spread over the samples.
        var all = sample.GetProperty("samples").EnumerateArray().Select(s => s.GetProperty("topics"))
            .Where(t => t.TryGetProperty(HostApi.MetricsTopic, out _)).Select(t => t.GetProperty(HostApi.MetricsTopic)).ToList();
        Assert.True(all.Sum(t => t.GetProperty("produced").GetDouble()) * 2 <= 5.5, sample.ToString());
        var (bad, problem) = await HostApi.Get(Client, "/kafka/stats/history?minutes=9");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("minutes", out _));
    }

    [Fact]
    public async Task Backlog_CountsUndeliveredRowsPerBucket_WhileTheBrokerIsDown()
    {
        await HostApi.Eventually(async () => ((await HostApi.Get(Client, "/outbox/backlog")).Body.GetProperty("count").GetInt64() == 0, 0), "an empty backlog");
        var cluster = Factory.Services.GetRequiredService<KafkaConnection>().Embedded!;
        cluster.SetBrokerDown(1);
        try
        {
            await HostApi.PublishMetric(Client, $"backlog-{Guid.NewGuid():N}");
            await HostApi.PublishMetric(Client, $"backlog-{Guid.NewGuid():N}");
            var buckets = await HostTables.Count(Factory.Services, "SELECT COUNT(DISTINCT bucket) AS \"Value\" FROM outbox_message WHERE delivered_at IS NULL");
            var (status, backlog) = await HostApi.Get(Client, "/outbox/backlog");

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(2, backlog.GetProperty("count").GetInt64());
            Assert.Equal(buckets, backlog.GetProperty("buckets").GetArrayLength());
            Assert.Equal(2, backlog.GetProperty("buckets").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
            Assert.True(backlog.GetProperty("oldestAgeSeconds").GetDouble() >= 0);
        }
        finally
        {
            cluster.SetBrokerUp(1);
        }

        await HostApi.Eventually(async () => ((await HostApi.Get(Client, "/outbox/backlog")).Body.GetProperty("count").GetInt64() == 0, 0),
            "the backlog delivered once the broker is back");
    }

    [Fact]
    public async Task Records_ShowTheNewestDecoded_NewestFirst()
    {
        var debateId = Guid.NewGuid();
        await HostApi.Publish(Client, "DebateInitiated", new
        {
            debateId, question = "Browse?", participants = new[] { "claude", "gemini" }, roundsPlanned = 2, initiatedBy = "test", occurredAt = DateTimeOffset.UtcNow,
        });

        var records = await HostApi.Eventually(async () =>
        {
            var (status, body) = await HostApi.Get(Client, $"/kafka/topics/{HostApi.DebateTopic}/records?limit=5");
            return (status == HttpStatusCode.OK && body.GetProperty("records").GetArrayLength() > 0, body.GetProperty("records"));
        }, "a record on the debate topic");

        var newest = records[0];
        Assert.Equal(debateId.ToString(), newest.GetProperty("key").GetString());
        Assert.Equal("zamaz.debate.events.DebateInitiated", newest.GetProperty("headers").GetProperty("ce_type").GetString());
        Assert.Equal("DebateInitiated", newest.GetProperty("body").GetProperty("type").GetString());
        Assert.Equal("Browse?", newest.GetProperty("body").GetProperty("json").GetProperty("question").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await HostApi.Get(Client, "/kafka/topics/no-such-topic/records")).Status);
        var (bad, problem) = await HostApi.Get(Client, $"/kafka/topics/{HostApi.DebateTopic}/records?limit=0");
        Assert.Equal(HttpStatusCode.BadRequest, bad);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Schema_IsTheAvroRecordOfTheType_AndEveryNewRouteIsInTheOpenApiDocument()
    {
        var (status, schema) = await HostApi.Get(Client, "/events/DebateInitiated/schema");
        var (unknown, problem) = await HostApi.Get(Client, "/events/Nope/schema");
        var (_, openApi) = await HostApi.Get(Client, "/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("record", schema.GetProperty("type").GetString());
        Assert.Contains(schema.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "participants");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Contains("Nope", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/kafka/consumers", "/kafka/consumers/{endpoint}/pause", "/kafka/consumers/{endpoint}/resume",
            "/kafka/stats/history", "/outbox/backlog", "/kafka/topics/{name}/records", "/events/{type}/schema" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} in the OpenAPI document");
        }
    }
}
