using Confluent.Kafka;

namespace DebateEvents.Embedded.Tests;

/// <summary>Real Confluent.Kafka clients pointed at an embedded cluster.</summary>
internal static class KafkaClients
{
    public static IProducer<string, string> Producer(EmbeddedKafkaCluster cluster, bool idempotent = true) =>
        new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            EnableIdempotence = idempotent,
            Acks = Acks.All,
            LingerMs = 1,
            MessageTimeoutMs = 30_000,
        }).Build();

    public static IConsumer<string, string> Consumer(EmbeddedKafkaCluster cluster, string group) =>
        new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = cluster.BootstrapServers,
            GroupId = group,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            SessionTimeoutMs = 6_000,
        }).Build();

    /// <summary>Consumes until <paramref name="count"/> records arrived or the deadline passes.</summary>
    public static List<ConsumeResult<string, string>> Take(IConsumer<string, string> consumer, int count, TimeSpan timeout)
    {
        var taken = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow + timeout;
        while (taken.Count < count && DateTime.UtcNow < deadline)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (result is { IsPartitionEOF: false })
            {
                taken.Add(result);
            }
        }

        Assert.True(taken.Count == count, $"Expected {count} records within {timeout.TotalSeconds} s, got {taken.Count}.");
        return taken;
    }
}
