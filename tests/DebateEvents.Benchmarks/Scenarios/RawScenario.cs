using System.Diagnostics;
using System.Globalization;
using Confluent.Kafka;
using DebateEvents.Embedded;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Plain Confluent.Kafka produce and consume on the embedded cluster: the baseline other scenarios
/// compare with. Volumes stay well under the mock's per-partition cap (5 MB, 100k message sets).
/// </summary>
internal static class RawScenario
{
    private const int Partitions = 6;

    public static Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var small = Measure(cluster, payloadBytes: 100, count: 200_000, cancellationToken);
        var large = Measure(cluster, payloadBytes: 1024, count: 12_000, cancellationToken);
        return Task.FromResult(string.Create(CultureInfo.InvariantCulture,
            $"RESULT raw produce_100={small.Produce:0} consume_100={small.Consume:0} produce_1k={large.Produce:0} consume_1k={large.Consume:0}"));
    }

    /// <summary>Produces then consumes <paramref name="count"/> records; returns both rates in msg/s.</summary>
    public static (double Produce, double Consume) Measure(
        EmbeddedKafkaCluster cluster, int payloadBytes, int count, CancellationToken cancellationToken)
    {
        var topic = $"raw-{payloadBytes}-{Guid.NewGuid():N}";
        cluster.CreateTopic(topic, Partitions);
        var produce = Produce(cluster, topic, payloadBytes, count);
        var consume = Consume(cluster, topic, count, cancellationToken);
        Console.WriteLine($"raw {payloadBytes} B: produce {produce:0} msg/s, consume {consume:0} msg/s");
        return (produce, consume);
    }

    private static double Produce(EmbeddedKafkaCluster cluster, string topic, int payloadBytes, int count)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
        }).Build();
        var payload = new byte[payloadBytes];
        Random.Shared.NextBytes(payload);
        var keys = Enumerable.Range(0, 64).Select(BitConverter.GetBytes).ToArray();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            ProduceOne(producer, topic, keys[i % keys.Length], payload);
        }

        producer.Flush(TimeSpan.FromMinutes(1));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static void ProduceOne(IProducer<byte[], byte[]> producer, string topic, byte[] key, byte[] payload)
    {
        while (true)
        {
            try
            {
                producer.Produce(topic, new Message<byte[], byte[]> { Key = key, Value = payload });
                return;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                producer.Poll(TimeSpan.FromMilliseconds(10));
            }
        }
    }

    private static double Consume(EmbeddedKafkaCluster cluster, string topic, int count, CancellationToken cancellationToken)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = $"raw-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = true,
        }).Build();
        consumer.Subscribe(topic);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var seen = 0;
        var watch = new Stopwatch();
        while (seen < count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Consumed only {seen} of {count} records from {topic} in 2 minutes.");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not null)
            {
                // Time from the first record on, so the group join is not counted.
                watch.Start();
                seen++;
            }
        }

        var rate = (count - 1) / watch.Elapsed.TotalSeconds;
        consumer.Close();
        return rate;
    }
}
