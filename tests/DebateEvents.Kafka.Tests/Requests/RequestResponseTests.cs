using System.Diagnostics;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Requests;

[Trait("Category", "Integration")]
public sealed class RequestResponseTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    private readonly string _requests = "score-requests-" + Guid.NewGuid().ToString("N");
    private readonly string _responses = "score-responses-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "score-handlers-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task GetResponse_IsAnsweredByAPlainConsumerThroughRespondAsync()
    {
        await using var host = await StartHost("a", withResponder: true);
        var client = host.Services.GetRequiredService<IKafkaRequestClient<ScoreRequested>>();

        var reply = await client.GetResponse<ScoreReported>(new ScoreRequested("d-1", 4), TimeSpan.FromSeconds(20));

        Assert.Equal(new ScoreReported("d-1", 4, 40, "a"), reply);
        Assert.Equal((_requests, _responses), (client.RequestTopic, client.ResponseTopic));
    }

    [Fact]
    public async Task GetResponse_WithNoHandlerOnTheRequestTopic_ThrowsRequestTimeoutException_AfterTheTimeout()
    {
        await RiderTestHost.CreateTopic(fixture.Cluster, _requests, 3);
        await using var host = await StartHost("a", withResponder: false);
        var client = host.Services.GetRequiredService<IKafkaRequestClient<ScoreRequested>>();
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAsync<RequestTimeoutException>(() => client.GetResponse<ScoreReported>(new ScoreRequested("d-2", 1), TimeSpan.FromSeconds(1.5)));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.4), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task TwoInstances_SharingTheResponseTopic_EachGetTheirOwnReplies_NoneLost()
    {
        await using var a = await StartHost("a", withResponder: true);
        await using var b = await StartHost("b", withResponder: false);

        var asked = new[] { a, b }.SelectMany(host => Enumerable.Range(1, 20).Select(round => (Host: host, Request: new ScoreRequested(
            $"{host.Services.GetRequiredService<InstanceName>().Name}-{round}", round)))).ToList();
        var replies = await Task.WhenAll(asked.Select(x =>
            x.Host.Services.GetRequiredService<IKafkaRequestClient<ScoreRequested>>().GetResponse<ScoreReported>(x.Request, TimeSpan.FromSeconds(30))));

        Assert.Equal(asked.Select(x => (x.Request.DebateId, x.Request.Round * 10)), replies.Select(r => (r.DebateId, r.Score)));
    }

    private async Task<RiderTestHost> StartHost(string name, bool withResponder)
    {
        await RiderTestHost.CreateTopic(fixture.Cluster, _responses, 3);
        return await RiderTestHost.Start(fixture.Cluster, output, new ProcessingLog(), (context, k) =>
            {
                if (withResponder)
                {
                    k.TopicEndpoint(_requests, _group, e =>
                    {
                        e.CreateIfMissing(t => t.NumPartitions = 3);
                        e.ConfigureConsumer<ScoreResponder>(context);
                    });
                }
            },
            name,
            r =>
            {
                r.AddConsumer<ScoreResponder>();
                r.AddKafkaRequestClient<ScoreRequested, ScoreReported>(_requests, _responses, s => s.DebateId);
            });
    }
}
