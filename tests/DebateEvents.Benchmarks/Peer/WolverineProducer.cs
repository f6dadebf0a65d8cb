using System.Diagnostics;
using DebateEvents.Benchmarks.Scenarios;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Kafka;

namespace DebateEvents.Benchmarks.Peer;

/// <summary>
/// A Wolverine host publishing the rider scenario's events to one Kafka topic with the same partition key, in
/// Wolverine's default sender mode (buffered in memory) or its inline mode, idempotent producer as its
/// documentation shows. Kept for all rounds of a size, as our producer and the raw one are, so the warm-up round
/// warms it; each round is timed until the topic holds every record of the round.
/// </summary>
internal sealed class WolverineProducer(IHost host, TopicWatermarks watermarks) : IAsyncDisposable
{
    public static async Task<WolverineProducer> StartAsync(string bootstrapServers, string topic, int partitions, bool inline)
    {
        var host = await WolverineHosts.StartAsync(opts =>
        {
            opts.UseKafka(bootstrapServers).ConfigureProducers(p => p.EnableIdempotence = true);
            var subscription = opts.PublishMessage<RiderBenchmarkEvent>().ToKafkaTopic(topic);
            if (inline)
            {
                subscription.SendInline();
            }
        });
        return new WolverineProducer(host, new TopicWatermarks(bootstrapServers, topic, partitions));
    }

    /// <summary>Publishes <paramref name="events"/> with the rider scenario's window of sends in flight; msg/s.</summary>
    public async Task<double> ProduceAsync(RiderBenchmarkEvent[] events, CancellationToken cancellationToken)
    {
        var before = watermarks.Count();
        var watch = Stopwatch.StartNew();
        await RiderProduce.Timed(events.Length, i => host.MessageBus()
            .PublishAsync(events[i], new DeliveryOptions { PartitionKey = events[i].DebateId }).AsTask());
        await watermarks.WaitForAsync(before + events.Length, TimeSpan.FromMinutes(2), cancellationToken);
        return events.Length / watch.Elapsed.TotalSeconds;
    }

    public async ValueTask DisposeAsync()
    {
        watermarks.Dispose();
        await WolverineHosts.StopAsync(host);
    }
}
