using System.Text;
using Confluent.Kafka;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>Reads a topic from the beginning up to its current end, partition by partition, in offset order.</summary>
public static class KafkaTopicReader
{
    /// <summary>How many records the topic holds now (sum of the partitions' high watermarks).</summary>
    public static long Count(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = CreateConsumer(bootstrapServers);
        long total = 0;
        for (var partition = 0; partition < partitions; partition++)
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10));
            total += offsets.High.Value - offsets.Low.Value;
        }

        return total;
    }

    public static List<KafkaRecord> ReadAll(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = CreateConsumer(bootstrapServers);
        var ends = new Dictionary<int, long>();
        var start = new List<TopicPartitionOffset>();
        for (var partition = 0; partition < partitions; partition++)
        {
            var offsets = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(10));
            if (offsets.High.Value > offsets.Low.Value)
            {
                ends[partition] = offsets.High.Value;
                start.Add(new TopicPartitionOffset(topic, partition, offsets.Low));
            }
        }

        var records = new List<KafkaRecord>();
        consumer.Assign(start);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var done = new HashSet<int>();
        while (done.Count < ends.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Reading {topic}: only {records.Count} records within 30 s; partitions done: {string.Join(",", done)}.");
            }

            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is null || result.IsPartitionEOF)
            {
                continue;
            }

            records.Add(ToRecord(result));
            if (result.Offset.Value + 1 >= ends[result.Partition.Value])
            {
                done.Add(result.Partition.Value);
            }
        }

        return records;
    }

    private static KafkaRecord ToRecord(ConsumeResult<byte[]?, byte[]> result)
    {
        string? Header(string name) =>
            result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
        return new KafkaRecord(
            result.Topic,
            result.Partition.Value,
            result.Offset.Value,
            result.Message.Key is null ? null : Encoding.UTF8.GetString(result.Message.Key),
            Guid.Parse(Header("ce_id") ?? throw new InvalidOperationException("Record without ce_id.")),
            Header("ce_type"),
            result.Message.Value,
            Header("correlation-id"));
    }

    private static IConsumer<byte[]?, byte[]> CreateConsumer(string bootstrapServers) =>
        new ConsumerBuilder<byte[]?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"reader-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            EnablePartitionEof = false,
        }).Build();
}
