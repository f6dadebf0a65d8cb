using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using MassTransit;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Consumers;

[Trait("Category", "Integration")]
public sealed class OrderingTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    [Property(MaxTest = 4)]
    public async Task EachKeysRecords_AreConsumedOnceInProducedOrder_UnderConcurrency(NonEmptyArray<PositiveInt> keyDraws)
    {
        var keys = keyDraws.Get.Take(400).Select(k => $"debate-{k.Get % 37}").ToList();
        var log = new ProcessingLog { Delay = r => TimeSpan.FromMilliseconds(r.Sequence % 3) };
        var (topic, group) = Names();
        await using var host = await StartHost(log, topic, group, concurrency: 16);

        var expected = new Dictionary<string, List<int>>();
        for (var i = 0; i < keys.Count; i++)
        {
            await host.Producer<ArgumentMade>().Produce(new ArgumentMade(keys[i], i, "x"));
            expected.TryAdd(keys[i], []);
            expected[keys[i]].Add(i);
        }

        await Eventually.Until(() => log.Succeeded.Count >= keys.Count, TimeSpan.FromSeconds(20),
            () => $"expected {keys.Count} records, saw {log.Succeeded.Count}");
        var actual = log.Succeeded.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Select(r => r.Sequence).ToList());
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, sequences) in expected)
        {
            Assert.Equal(sequences, actual[key]);
        }
    }

    [Fact]
    public async Task DifferentKeys_RunConcurrently_UpToTheConcurrentMessageLimit()
    {
        var log = new ProcessingLog { Delay = _ => TimeSpan.FromMilliseconds(20) };
        var (topic, group) = Names();
        await using var host = await StartHost(log, topic, group, concurrency: 4);

        for (var i = 0; i < 80; i++)
        {
            await host.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i}", i, "x"));
        }

        await Eventually.Until(() => log.Succeeded.Count >= 80, TimeSpan.FromSeconds(20),
            () => $"expected 80 records, saw {log.Succeeded.Count}");
        Assert.Equal(4, log.MaxConcurrency);
    }

    private static (string Topic, string Group) Names() =>
        ("debates-" + Guid.NewGuid().ToString("N"), "processors-" + Guid.NewGuid().ToString("N"));

    private Task<RiderTestHost> StartHost(ProcessingLog log, string topic, string group, int concurrency) =>
        RiderTestHost.Start(fixture.Cluster, output, log, (context, k) =>
            k.TopicEndpoint(topic, group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 4);
                e.ConcurrentMessageLimit = concurrency;
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            register: r => r.AddProducer<ArgumentMade>(topic, a => a.DebateId));
}
