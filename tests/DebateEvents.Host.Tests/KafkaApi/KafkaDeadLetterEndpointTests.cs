using System.Net;

namespace DebateEvents.Host.Tests.KafkaApi;

/// <summary>
/// An argument for a debate that does not exist yet makes DebateEventProcessor throw; after the endpoint's retries
/// (about 3.4 s) it is dead-lettered. Once the debate exists, replaying it reaches the read model exactly once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class KafkaDeadLetterEndpointTests : HostApiTests
{
    private const string DeadLetters = $"/kafka/dead-letters/{HostApi.DebateTopic}";

    [Fact]
    public async Task RejectedArgument_IsListedDecoded_AndReplayedIntoTheReadModelOnce()
    {
        var debateId = Guid.NewGuid();
        await HostApi.Publish(Client, "ArgumentSubmitted", new
        {
            debateId, round = 1, participant = "claude", position = "AGAINST", content = "orphan", confidence = 0.5, occurredAt = DateTimeOffset.UtcNow,
        });

        var deadLetter = await HostApi.Eventually(async () =>
        {
            var (status, body) = await HostApi.Get(Client, DeadLetters);
            var records = status == HttpStatusCode.OK ? body.GetProperty("records").EnumerateArray().ToList() : [];
            return (records.Count > 0, records.FirstOrDefault());
        }, "a dead letter on the debate topic");
        await DebateGroupCaughtUp();
        var deadLettered = await DeadLetterCount();

        Assert.Equal("consumer-faulted", deadLetter.GetProperty("reason").GetString());
        Assert.EndsWith("UnknownDebateException", deadLetter.GetProperty("exceptionType").GetString(), StringComparison.Ordinal);
        Assert.Contains(debateId.ToString(), deadLetter.GetProperty("exceptionMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(HostApi.DebateTopic, deadLetter.GetProperty("sourceTopic").GetString());
        Assert.Equal("debate-processors", deadLetter.GetProperty("consumerGroup").GetString());
        Assert.Equal(debateId.ToString(), deadLetter.GetProperty("key").GetString());
        Assert.Equal("zamaz.debate.events.ArgumentSubmitted", deadLetter.GetProperty("headers").GetProperty("ce_type").GetString());
        Assert.False(deadLetter.GetProperty("headers").TryGetProperty("dlt-reason", out _));
        var body = deadLetter.GetProperty("body");
        Assert.Equal("ArgumentSubmitted", body.GetProperty("type").GetString());
        Assert.Equal("orphan", body.GetProperty("json").GetProperty("content").GetString());
        Assert.Equal(debateId, body.GetProperty("json").GetProperty("debateId").GetGuid());

        await HostApi.Publish(Client, "DebateInitiated", new
        {
            debateId, question = "Replay?", participants = new[] { "claude", "gemini" }, roundsPlanned = 2, initiatedBy = "test", occurredAt = DateTimeOffset.UtcNow,
        });
        await ArgumentCount(debateId, 0);
        var position = new { partition = deadLetter.GetProperty("partition").GetInt32(), offset = deadLetter.GetProperty("offset").GetInt64() };

        var (replayStatus, replay, _) = await HostApi.Post(Client, $"{DeadLetters}/replay", new { offsets = new[] { position } });

        Assert.Equal(HttpStatusCode.OK, replayStatus);
        var replayed = Assert.Single(replay.GetProperty("replayed").EnumerateArray());
        Assert.Equal(HostApi.DebateTopic, replayed.GetProperty("topic").GetString());
        Assert.Equal(position.offset, replayed.GetProperty("from").GetProperty("offset").GetInt64());
        await ArgumentCount(debateId, 1);

        var (againStatus, _, _) = await HostApi.Post(Client, $"{DeadLetters}/replay", new { all = true });
        Assert.Equal(HttpStatusCode.OK, againStatus);
        await DebateGroupCaughtUp();
        await ArgumentCount(debateId, 1);
        Assert.Equal(deadLettered, await DeadLetterCount());
        var (_, stats) = await HostApi.Get(Client, "/kafka/stats");
        var debateStats = stats.GetProperty("topics").GetProperty(HostApi.DebateTopic);
        Assert.Equal(deadLettered, debateStats.GetProperty("deadLettered").GetInt64());
        Assert.Equal(deadLettered, debateStats.GetProperty("failed").GetInt64());
        Assert.Equal(1 + deadLettered, debateStats.GetProperty("produced").GetInt64());
        Assert.Equal(deadLettered, stats.GetProperty("topics").GetProperty($"{HostApi.DebateTopic}.dead-letter").GetProperty("produced").GetInt64());
    }

    [Fact]
    public async Task Replay_OfAnOffsetTheTopicDoesNotHold_Is404AndReplaysNothing()
    {
        var (status, problem, mediaType) = await HostApi.Post(Client, $"{DeadLetters}/replay", new { offsets = new[] { new { partition = 0, offset = 42 } } });
        var (badStatus, bad, _) = await HostApi.Post(Client, $"{DeadLetters}/replay", new { offsets = new[] { new { partition = 7, offset = 0 } } });
        var (unknownStatus, _) = await HostApi.Get(Client, "/kafka/dead-letters/no-such-topic");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains("0/42", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus);
        Assert.True(bad.GetProperty("errors").TryGetProperty("offsets[0]", out _), bad.ToString());
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
    }

    private async Task<int> DeadLetterCount()
    {
        var (_, body) = await HostApi.Get(Client, DeadLetters);
        return body.GetProperty("records").GetArrayLength();
    }

    private Task ArgumentCount(Guid debateId, int expected) => HostApi.Eventually(async () =>
    {
        var (status, debate) = await HostApi.Get(Client, $"/debates/{debateId}");
        return (status == HttpStatusCode.OK && debate.GetProperty("argumentCount").GetInt32() == expected, debate);
    }, $"debate {debateId} with {expected} argument(s)");

    private Task DebateGroupCaughtUp() => HostApi.Eventually(async () =>
    {
        var (_, detail) = await HostApi.Get(Client, $"/kafka/topics/{HostApi.DebateTopic}");
        var group = detail.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "debate-processors");
        return (group.GetProperty("lag").GetInt64() == 0, detail);
    }, "debate-processors to commit every record of the debate topic");
}
