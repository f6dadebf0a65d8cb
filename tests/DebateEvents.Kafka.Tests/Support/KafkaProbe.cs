using Confluent.Kafka;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Raw Kafka access for assertions: reading a topic from the start and a group's committed offsets.</summary>
internal static class KafkaProbe
{
    /// <summary>Reads every record of <paramref name="topic"/> until <paramref name="expected"/> arrived or the timeout passed.</summary>
    public static List<ConsumeResult<byte[]?, byte[]>> ReadAll(string bootstrap, string topic, int expected, TimeSpan timeout)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "probe-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
        consumer.Subscribe(topic);
        var records = new List<ConsumeResult<byte[]?, byte[]>>();
        var deadline = DateTime.UtcNow + timeout;
        while (records.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result)
            {
                records.Add(result);
            }
        }

        consumer.Close();
        return records;
    }

    /// <summary>The offsets <paramref name="group"/> committed for each partition of <paramref name="topic"/> (-1001 when none).</summary>
    public static Dictionary<int, long> Committed(string bootstrap, string group, string topic, int partitions)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = group, EnableAutoCommit = false };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
        var offsets = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(5));
        return offsets.ToDictionary(o => o.Partition.Value, o => o.Offset.Value);
    }

    /// <summary>The high watermark (next offset) of each partition.</summary>
    public static Dictionary<int, long> HighWatermarks(string bootstrap, string topic, int partitions)
    {
        var config = new ConsumerConfig { BootstrapServers = bootstrap, GroupId = "probe-" + Guid.NewGuid().ToString("N") };
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(config).Build();
        return Enumerable.Range(0, partitions).ToDictionary(
            p => p,
            p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(5)).High.Value);
    }
}
