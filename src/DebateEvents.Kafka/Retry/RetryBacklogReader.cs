using Confluent.Kafka;

namespace DebateEvents.Kafka.Retry;

/// <summary>
/// Reads the keys of the records still waiting in newly assigned retry-topic partitions: everything from
/// the group's committed offset (or the start of the log) up to the end. Runs on the poll thread inside
/// the assignment callback, with its own short-lived consumer that never joins the group or commits.
/// </summary>
internal static class RetryBacklogReader
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static List<(int Partition, byte[]? Key)> ReadWaitingKeys(IConsumer<byte[]?, byte[]> groupConsumer, ConsumerConfig config,
        IReadOnlyList<TopicPartition> partitions)
    {
        var waiting = new List<(int, byte[]?)>();
        var ranges = new List<(TopicPartitionOffset From, long End)>();
        var committed = groupConsumer.Committed(partitions, Timeout);
        foreach (var partition in committed)
        {
            var marks = groupConsumer.QueryWatermarkOffsets(partition.TopicPartition, Timeout);
            var from = partition.Offset.Value >= 0 ? partition.Offset.Value : marks.Low.Value;
            if (marks.High.Value > from)
            {
                ranges.Add((new TopicPartitionOffset(partition.TopicPartition, new Offset(from)), marks.High.Value));
            }
        }

        if (ranges.Count == 0)
        {
            return waiting;
        }

        var scanConfig = new ConsumerConfig(new Dictionary<string, string>(config)) { GroupId = config.GroupId + ".retry-scan", EnableAutoCommit = false };
        using var scanner = new ConsumerBuilder<byte[]?, byte[]>(scanConfig).Build();
        scanner.Assign(ranges.Select(r => r.From));
        var ends = ranges.ToDictionary(r => r.From.Partition.Value, r => r.End);
        var deadline = DateTime.UtcNow + Timeout;
        while (ends.Count > 0 && DateTime.UtcNow < deadline)
        {
            if (scanner.Consume(TimeSpan.FromMilliseconds(100)) is not { IsPartitionEOF: false } result)
            {
                continue;
            }

            if (ends.TryGetValue(result.Partition.Value, out var end) && result.Offset.Value < end)
            {
                waiting.Add((result.Partition.Value, result.Message.Key));
                if (result.Offset.Value + 1 >= end)
                {
                    ends.Remove(result.Partition.Value);
                }
            }
        }

        scanner.Close();
        return waiting;
    }
}
