using Confluent.Kafka;
using DebateEvents.Benchmarks.Peer;
using DebateEvents.Embedded;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Routing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// The producing subjects of one record size, each started once and kept across its rounds: raw Confluent.Kafka
/// (prebuilt records), ours (<c>ITopicProducer&lt;T&gt;</c> on a rider of its own) and Wolverine's inline and default
/// senders. Each round method takes the round's index and size and returns msg/s; a subject left out by
/// <c>--only</c> has none.
/// </summary>
internal sealed class RiderProducers : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];

    private RiderProducers()
    {
    }

    public Func<int, int, Task<double>>? Raw { get; private set; }

    public Func<int, int, Task<double>>? Ours { get; private set; }

    public Func<int, int, Task<double>>? WolverineInline { get; private set; }

    public Func<int, int, Task<double>>? Wolverine { get; private set; }

    /// <summary>
    /// Starts the subjects <paramref name="settings"/> runs. Raw sends round r to <paramref name="rawTopicOfRound"/>(r),
    /// ours to <paramref name="oursTopic"/>, Wolverine's senders to topics of their own.
    /// </summary>
    public static async Task<RiderProducers> StartAsync(EmbeddedKafkaCluster cluster, RiderSettings settings, RiderBenchmarkEvent[] events,
        EventRecord[] records, Func<int, string> rawTopicOfRound, string oursTopic, int payloadBytes, CancellationToken cancellationToken)
    {
        var label = $"{payloadBytes} B";
        var producers = new RiderProducers();
        if (settings.Runs("raw"))
        {
            var raw = RawProducer(cluster);
            producers._owned.Add(new DisposeOnly(raw));
            producers.Raw = (round, size) =>
            {
                var topic = rawTopicOfRound(round);
                var rawRecords = records.Select(r => new EventRecord(topic, r.Key, r.Value, r.Headers)).ToArray();
                return RiderProduce.Costed($"{label} raw", size, () => RiderProduce.Timed(size, i => raw.ProduceAsync(rawRecords[i].Topic, rawRecords[i].ToMessage())));
            };
        }

        if (settings.Runs("ours"))
        {
            var rider = RiderScenario.BuildRider(cluster, oursTopic, events.Length, consume: false);
            producers._owned.Add(new StopsBus(rider));
            await rider.GetRequiredService<IBusControl>().StartAsync(cancellationToken);
            var ours = rider.GetRequiredService<ITopicProducer<RiderBenchmarkEvent>>();
            producers.Ours = (_, size) =>
                RiderProduce.Costed($"{label} ours", size, () => RiderProduce.Timed(size, i => ours.Produce(events[i], cancellationToken)));
        }

        if (settings.Runs("wolverine"))
        {
            var partitions = RiderScenario.Partitions;
            var inline = await WolverineProducer.StartAsync(cluster.BootstrapServers, RiderScenario.NewTopic(cluster, "wolverine", payloadBytes), partitions, inline: true);
            producers._owned.Add(inline);
            producers.WolverineInline = (_, size) => inline.ProduceAsync(events[..size], cancellationToken);
            var buffered = await WolverineProducer.StartAsync(cluster.BootstrapServers, RiderScenario.NewTopic(cluster, "wolverine", payloadBytes), partitions, inline: false);
            producers._owned.Add(buffered);
            producers.Wolverine = (_, size) => buffered.ProduceAsync(events[..size], cancellationToken);
        }

        return producers;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    private static IProducer<byte[]?, byte[]> RawProducer(EmbeddedKafkaCluster cluster) =>
        new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            BatchSize = 1_048_576,
        }).Build();

    private sealed class DisposeOnly(IDisposable disposable) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            disposable.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class StopsBus(ServiceProvider rider) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await rider.GetRequiredService<IBusControl>().StopAsync();
            await rider.DisposeAsync();
        }
    }
}
