using Confluent.Kafka;

namespace DebateEvents.Testing;

/// <summary>
/// Reads what a topic holds for assertions, with a consumer that assigns partitions itself and never joins a
/// group or commits: every record from the low to the high watermark, in offset order per partition.
/// </summary>
public static class TopicReader
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Every record the topic holds now.</summary>
    /// <exception cref="TimeoutException">The records could not be read within <paramref name="timeout"/> (30 s by default).</exception>
    public static IReadOnlyList<TopicRecord> ReadAll(string bootstrapServers, string topic, TimeSpan? timeout = null)
    {
        using var consumer = Consumer(bootstrapServers);
        var ends = Watermarks(consumer, bootstrapServers, topic).Where(w => w.High > w.Low).ToList();
        consumer.Assign(ends.Select(w => new TopicPartitionOffset(topic, w.Partition, w.Low)));
        var records = new List<TopicRecord>();
        var open = ends.ToDictionary(w => w.Partition, w => w.High);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (open.Count > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Reading {topic}: {records.Count} records, partitions {string.Join(",", open.Keys)} unfinished.");
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is not { IsPartitionEOF: false } result)
            {
                continue;
            }

            records.Add(new TopicRecord(result.Topic, result.Partition.Value, result.Offset.Value, result.Message.Key, result.Message.Value,
                result.Message.Headers, result.Message.Timestamp.UtcDateTime));
            if (result.Offset.Value + 1 >= open[result.Partition.Value])
            {
                open.Remove(result.Partition.Value);
            }
        }

        return records;
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> until the topic holds at least <paramref name="expected"/> records, then
    /// reads every record it holds: fewer when the time ran out, more when more arrived.
    /// </summary>
    public static IReadOnlyList<TopicRecord> ReadAll(string bootstrapServers, string topic, int expected, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count(bootstrapServers, topic) < expected && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
        }

        return ReadAll(bootstrapServers, topic);
    }

    /// <summary>How many records the topic holds now: the sum over its partitions of high minus low watermark.</summary>
    public static long Count(string bootstrapServers, string topic)
    {
        using var consumer = Consumer(bootstrapServers);
        return Watermarks(consumer, bootstrapServers, topic).Sum(w => w.High - w.Low);
    }

    /// <summary>The high watermark (the next offset) of each partition.</summary>
    public static Dictionary<int, long> HighWatermarks(string bootstrapServers, string topic)
    {
        using var consumer = Consumer(bootstrapServers);
        return Watermarks(consumer, bootstrapServers, topic).ToDictionary(w => w.Partition, w => w.High);
    }

    /// <summary>The offsets <paramref name="group"/> committed on each partition of the topic (-1001 when none).</summary>
    public static Dictionary<int, long> Committed(string bootstrapServers, string group, string topic)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, EnableAutoCommit = false }).Build();
        var partitions = Partitions(bootstrapServers, topic).Select(p => new TopicPartition(topic, p));
        return consumer.Committed(partitions, QueryTimeout).ToDictionary(o => o.Partition.Value, o => o.Offset.Value);
    }

    private static IEnumerable<(int Partition, long Low, long High)> Watermarks(IConsumer<byte[]?, byte[]> consumer, string bootstrapServers, string topic) =>
        Partitions(bootstrapServers, topic).Select(p =>
        {
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), QueryTimeout);
            return (p, marks.Low.Value, marks.High.Value);
        }).ToList();

    private static IEnumerable<int> Partitions(string bootstrapServers, string topic)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        var metadata = admin.GetMetadata(topic, QueryTimeout).Topics.Single();
        if (metadata.Error.IsError)
        {
            throw new KafkaException(metadata.Error);
        }

        return metadata.Partitions.Select(p => p.PartitionId).Order().ToList();
    }

    private static IConsumer<byte[]?, byte[]> Consumer(string bootstrapServers) =>
        new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "debate-events-topic-reader",
            EnableAutoCommit = false,
            EnablePartitionEof = true,
        }).Build();
}
