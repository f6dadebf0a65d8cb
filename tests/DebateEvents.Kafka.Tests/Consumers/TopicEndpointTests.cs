using System.Collections.Concurrent;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using DebateEvents.Embedded;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Consumers;

[Trait("Category", "Integration")]
public sealed class TopicEndpointTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 1 });
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Endpoint_DispatchesEachEventTypeOfOneTopicToItsConsumer_AndTheHarnessSeesIt()
    {
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.Start(_cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 3);
                e.ConfigureConsumer<ArgumentConsumer>(context);
                e.ConfigureConsumer<DebateOpenedConsumer>(context);
            }),
            register: r =>
            {
                r.AddProducer<ArgumentMade>(_topic, a => a.DebateId);
                r.AddProducer<DebateOpened>(_topic, d => d.DebateId);
            });

        await host.Producer<DebateOpened>().Produce(new DebateOpened("d-1", "Is Kafka a database?"));
        for (var i = 1; i <= 5; i++)
        {
            await host.Producer<ArgumentMade>().Produce(new ArgumentMade("d-1", i, $"point {i}"));
        }

        var opened = host.Services.GetRequiredService<ConcurrentQueue<DebateOpened>>();
        await Eventually.Until(() => log.Succeeded.Count == 5 && opened.Count == 1, TimeSpan.FromSeconds(20),
            () => $"expected 5 arguments and 1 opening, saw {log.Succeeded.Count} and {opened.Count}");
        Assert.Equal([1, 2, 3, 4, 5], log.Succeeded.Select(r => r.Sequence));
        Assert.Equal("Is Kafka a database?", Assert.Single(opened).Question);
        Assert.True(await host.Harness.Consumed.Any<DebateOpened>(), "the test harness did not see DebateOpened consumed");
        Assert.True(await host.Harness.Consumed.Any<ArgumentMade>(m => m.Context.Message.Sequence == 5),
            "the test harness did not see argument 5 consumed");
    }

    [Fact]
    public async Task Endpoint_FetchesAgainTenMillisecondsAfterItsPrefetchQueueFilled_AndTheUserCanChangeIt()
    {
        // librdkafka's own default is 1,000 ms: an endpoint reading a backlog would stall that long whenever its
        // prefetch queue filled. The endpoint's default shows in the settings a user's ConfigureKafkaConsumer gets,
        // and the consumer built from them (with the user's value) must still start and read.
        int? seen = null;
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.StartArguments(_cluster, output, log, _topic, _group, partitions: 1, e =>
            e.ConfigureKafkaConsumer(c =>
            {
                seen = c.FetchQueueBackoffMs;
                c.FetchQueueBackoffMs = 25;
            }));

        await host.Producer<ArgumentMade>().Produce(new ArgumentMade("d-1", 1, "point 1"));

        await Eventually.Until(() => log.Succeeded.Count == 1, TimeSpan.FromSeconds(20), () => "the record was not processed");
        Assert.Equal(10, seen);
    }

    public void Dispose() => _cluster.Dispose();
}
