using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Confluent.Kafka;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Routing;
using DebateEvents.Embedded;
using DebateEvents.Benchmarks.Peer;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// The Kafka rider against raw Confluent.Kafka on the embedded cluster, with identical records (same JSON
/// body, key and CloudEvents headers). Produce: raw <c>ProduceAsync</c> of prebuilt records versus
/// <c>ITopicProducer&lt;T&gt;.Produce</c>, which also serializes and builds headers; both await every delivery
/// report with the same number in flight. Consume: a raw consumer loop versus a topic endpoint with per-key
/// ordering (ConcurrentMessageLimit 16, 1,000 keys) into a no-op MassTransit consumer, both warm. Every rate is
/// the best of two rounds after warm-up rounds (the machine is shared; producing: <see cref="RiderProduce"/>); each endpoint round consumes all 2.25
/// produce rounds from its topic and times the last 2. Wolverine, the peer, runs the same rounds on the same
/// records in this process: its default and inline senders, and its default and inline listeners reading the
/// topic our producer wrote. 16 partitions keep each under about 4 MB (headers
/// included), below the mock's 5 MB / 100k message-set cap. The argument <c>produce</c> runs only the produce
/// rounds (its RESULT line then has no consume figures), with the options of <see cref="RiderSettings"/>.
/// </summary>
internal static class RiderScenario
{
    /// <summary>Partitions of every topic the scenario creates.</summary>
    internal const int Partitions = 16;
    private const int EndpointWarmUpRounds = 3;

    /// <summary>
    /// The default run measures both sizes. <c>--small</c> measures only the 100-byte records (RESULT line
    /// <c>rider-small</c>, with that size's keys), <c>--large</c> only the 1 KiB ones (<c>rider-large</c>); <c>--allocations</c> also prints, after each measured endpoint
    /// round, the types allocated per record from the runtime's allocation samples (about one per 100 KB).
    /// </summary>
    public static async Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var produceOnly = arguments is ["produce", ..];
        var settings = RiderSettings.Parse(arguments);
        if (!produceOnly && (settings.MeasuredRounds != 2 || !settings.Runs("ours")))
        {
            // The consume rounds read what the produce rounds wrote, in these amounts, and the listeners read ours' topic.
            throw new ArgumentException("--rounds goes with 'rider produce' only, and --only names ours unless with 'rider produce'.");
        }

        using var cluster = EmbeddedKafkaCluster.Start();
        using var allocations = arguments.Contains("--allocations") ? new AllocationTypeListener() : null;
        AllocationTypeListener.Current = allocations;

        if (arguments.Contains("--large"))
        {
            var largeOnly = await Measure(cluster, payloadBytes: 1024, count: 16_000, settings, produceOnly, cancellationToken);
            return "RESULT rider-large " + largeOnly.Describe("1k");
        }

        var small = await Measure(cluster, payloadBytes: 100, count: 60_000, settings, produceOnly, cancellationToken);
        if (arguments.Contains("--small"))
        {
            return "RESULT rider-small " + small.Describe("100");
        }

        var large = await Measure(cluster, payloadBytes: 1024, count: 16_000, settings, produceOnly, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT rider produce_ratio={Math.Min(small.Ours.Produce / small.Raw.Produce, large.Ours.Produce / large.Raw.Produce):0.00} "
            + $"consume_ratio={Math.Min(small.Ours.Consume / small.Raw.Consume, large.Ours.Consume / large.Raw.Consume):0.00} consume_msgs={Math.Min(small.Ours.Consume, large.Ours.Consume):0} "
            + $"{small.Describe("100")} {large.Describe("1k")}");
    }

    private static async Task<RiderFigures> Measure(
        EmbeddedKafkaCluster cluster, int payloadBytes, int count, RiderSettings settings, bool produceOnly, CancellationToken cancellationToken)
    {
        var rawTopic = NewTopic(cluster, "raw", payloadBytes);
        var warmUpTopic = NewTopic(cluster, "raw", payloadBytes);
        var oursTopic = NewTopic(cluster, "rider", payloadBytes);
        var padding = new string('x', Math.Max(0, payloadBytes - 60));
        var events = Enumerable.Range(0, count).Select(i => new RiderBenchmarkEvent($"debate-{i % 1000:D4}", i, padding)).ToArray();

        var records = await RecordsOf(cluster, events);
        Console.WriteLine($"rider {payloadBytes} B: body {records[0].Value.Length} B, {records[0].Headers.Count} headers, {count} records per round");
        var (rawProduce, oursProduce, wolverineProduce, wolverineInlineProduce) = await RiderProduce.MeasureAsync(cluster, settings, events, records,
            rawTopic, warmUpTopic, oursTopic, payloadBytes, cancellationToken);
        if (produceOnly)
        {
            return new RiderFigures((rawProduce, 0), (oursProduce, 0), (wolverineProduce, 0), (wolverineInlineProduce, 0));
        }

        // Both consumers are measured warm, as a long-running service is: the raw loop first reads another
        // round; the endpoint first runs warm-up rounds, because tiered compilation keeps recompiling the hot
        // MassTransit and rider methods for the first few hundred thousand records (each round prints how
        // many methods the JIT compiled meanwhile). Best of two measured rounds each, as for producing:
        // every round reads the whole topic again under a new consumer group.
        double rawConsume = 0;
        if (settings.Runs("raw"))
        {
            RawConsume(cluster, warmUpTopic, count, cancellationToken);
            rawConsume = Math.Max(RawConsume(cluster, rawTopic, count, cancellationToken), RawConsume(cluster, rawTopic, count, cancellationToken));
            // Not a RESULT key: the raw loop on the topic our producer wrote, whose batches the endpoints read.
            var rawOnOurs = RawConsume(cluster, oursTopic, count, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"rider {payloadBytes} B: raw consume of the raw producer's topic {rawConsume:0}, of our producer's topic {rawOnOurs:0} msg/s"));
        }

        double oursConsume = 0;
        for (var round = 0; round < EndpointWarmUpRounds + settings.EndpointRounds; round++)
        {
            var rate = await EndpointConsume(cluster, oursTopic, count, payloadBytes, warmUp: round < EndpointWarmUpRounds, cancellationToken);
            if (round >= EndpointWarmUpRounds)
            {
                oursConsume = Math.Max(oursConsume, rate);
            }
        }

        var wolverineConsume = settings.Runs("wolverine")
            ? await WolverineConsume(cluster, oursTopic, count, payloadBytes, inline: false, settings.EndpointRounds, cancellationToken)
            : 0;
        var wolverineInlineConsume = settings.Runs("wolverine")
            ? await WolverineConsume(cluster, oursTopic, count, payloadBytes, inline: true, settings.EndpointRounds, cancellationToken)
            : 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rider {payloadBytes} B: produce raw {rawProduce:0} vs ours {oursProduce:0} msg/s ({oursProduce / rawProduce:0.00}); consume raw {rawConsume:0} vs ours {oursConsume:0} msg/s ({oursConsume / rawConsume:0.00})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rider {payloadBytes} B: wolverine produce default {wolverineProduce:0}, inline {wolverineInlineProduce:0} msg/s; consume default {wolverineConsume:0}, inline {wolverineInlineConsume:0} msg/s"));
        return new RiderFigures((rawProduce, rawConsume), (oursProduce, oursConsume), (wolverineProduce, wolverineConsume), (wolverineInlineProduce, wolverineInlineConsume));
    }

    /// <summary>Wolverine's listener, warmed and measured in as many rounds as our endpoint; the best measured round.</summary>
    private static async Task<double> WolverineConsume(EmbeddedKafkaCluster cluster, string topic, int count, int payloadBytes, bool inline,
        int measuredRounds, CancellationToken cancellationToken)
    {
        double best = 0;
        for (var round = 0; round < EndpointWarmUpRounds + measuredRounds; round++)
        {
            var counter = new RiderConsumeCounter { Expected = count * 9 / 4, WarmUp = count / 4 };
            var label = $"{payloadBytes} B{(round < EndpointWarmUpRounds ? " warm-up" : string.Empty)}";
            var rate = await WolverineRider.ConsumeAsync(cluster.BootstrapServers, topic, counter, inline, label, cancellationToken);
            if (round >= EndpointWarmUpRounds)
            {
                best = Math.Max(best, rate);
            }
        }

        return best;
    }

    /// <summary>One round of the topic endpoint reading the whole topic under a new group; returns msg/s after its warm-up.</summary>
    private static async Task<double> EndpointConsume(EmbeddedKafkaCluster cluster, string topic, int count, int payloadBytes,
        bool warmUp, CancellationToken cancellationToken)
    {
        var jitted = JitInfo.GetCompiledMethodCount();
        await using var consuming = BuildRider(cluster, topic, count, consume: true);
        var counter = consuming.GetRequiredService<RiderConsumeCounter>();
        var bus = consuming.GetRequiredService<IBusControl>();
        await bus.StartAsync(cancellationToken);
        AllocationTypeListener.Current?.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var workItemsBefore = ThreadPool.CompletedWorkItemCount;
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());
        await counter.Done.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var rate = (counter.Expected - counter.WarmUp) / counter.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var workItems = (double)(ThreadPool.CompletedWorkItemCount - workItemsBefore) / counter.Expected;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rider {payloadBytes} B: endpoint{(warmUp ? " warm-up" : string.Empty)} {rate:0} msg/s, {JitInfo.GetCompiledMethodCount() - jitted} methods jitted, {cpu.TotalMicroseconds / counter.Expected:0.0} µs CPU per record ({counter.CpuMicrosecondsPerEvent:0.0} per timed record, {counter.MethodsJittedTimed} methods jitted while timed); GC {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3} paused {(GC.GetTotalPauseDuration() - gcBefore.Item4).TotalMilliseconds:0} ms of {counter.Elapsed.TotalMilliseconds:0}, {(GC.GetTotalAllocatedBytes() - gcBefore.Item5) / counter.Expected} B/record; thread pool {workItems:0.00} work items per record, {ThreadPool.ThreadCount} threads"));
        if (!warmUp)
        {
            AllocationTypeListener.Current?.Print(counter.Expected);
        }

        await bus.StopAsync(cancellationToken);
        return rate;
    }

    internal static ServiceProvider BuildRider(EmbeddedKafkaCluster cluster, string topic, int count, bool consume)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new RiderConsumeCounter { Expected = count * 9 / 4, WarmUp = count / 4 });
        services.AddMassTransit(x =>
        {
            x.AddRider(r =>
            {
                r.AddConsumer<RiderNoOpConsumer>();
                r.AddProducer<RiderBenchmarkEvent>(topic, e => e.DebateId);
                r.UsingKafka((context, k) =>
                {
                    k.Host(cluster.BootstrapServers);
                    if (consume)
                    {
                        k.TopicEndpoint(topic, $"rider-{Guid.NewGuid():N}", e =>
                        {
                            e.ConcurrentMessageLimit = 16;
                            e.ConfigureConsumer<RiderNoOpConsumer>(context);
                        });
                    }
                });
            });
            x.UsingInMemory();
        });
        return services.BuildServiceProvider();
    }

    /// <summary>The records our producer would write for <paramref name="events"/>, which the raw producer sends prebuilt.</summary>
    private static async Task<EventRecord[]> RecordsOf(EmbeddedKafkaCluster cluster, RiderBenchmarkEvent[] events)
    {
        await using var rider = BuildRider(cluster, "records", events.Length, consume: false);
        var builder = rider.GetRequiredService<EventRecordBuilder>();
        return events.Select(e => builder.Build(e, EventEnvelope.New())).ToArray();
    }

    private static double RawConsume(EmbeddedKafkaCluster cluster, string topic, int count, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = $"raw-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
        }).Build();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        consumer.Subscribe(topic);
        var watch = new Stopwatch();
        var seen = 0;
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (seen < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Consumed only {seen} of {count} records from {topic} in 2 minutes.");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not null)
            {
                watch.Start();
                seen++;
            }
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        consumer.Close();
        var rate = (count - 1) / watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rider raw consume {rate:0} msg/s, {cpu.TotalMicroseconds / count:0.0} µs CPU per record (the process's, from subscribing on)"));
        return rate;
    }

    internal static string NewTopic(EmbeddedKafkaCluster cluster, string kind, int payloadBytes)
    {
        var topic = $"{kind}-{payloadBytes}-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, Partitions);
        return topic;
    }
}
