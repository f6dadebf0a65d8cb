using Confluent.Kafka;
using DebateEvents.Host.Topics;

namespace DebateEvents.Host.DeadLetters;

/// <summary>
/// Reads ranges of a dead-letter topic with a consumer that assigns its partitions by hand: it joins no group and
/// commits nothing, so reading never moves anyone's offsets.
/// </summary>
internal sealed class DeadLetterReader(ClusterClients clients)
{
    private static readonly TimeSpan ReadDeadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Reads the records <paramref name="select"/> picks in each partition (a range from an offset up to, not including,
    /// another), given the partition's watermarks; ordered by partition, then offset.
    /// </summary>
    public Task<List<ConsumeResult<byte[]?, byte[]>>> ReadAsync(string topic, IEnumerable<int> partitions,
        Func<int, WatermarkOffsets, (long From, long Until)> select, CancellationToken cancellationToken)
    {
        var wanted = partitions.ToList();
        // Consume blocks: a thread of its own, as the rider's poll loop has, rather than a pool thread for up to the deadline.
        return Task.Factory.StartNew(() => Read(topic, wanted, select, cancellationToken), cancellationToken,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private List<ConsumeResult<byte[]?, byte[]>> Read(string topic, List<int> partitions,
        Func<int, WatermarkOffsets, (long From, long Until)> select, CancellationToken cancellationToken)
    {
        using var consumer = clients.Reader();
        var ends = new Dictionary<int, long>();
        var starts = new List<TopicPartitionOffset>();
        foreach (var partition in partitions)
        {
            var marks = consumer.QueryWatermarkOffsets(new TopicPartition(topic, partition), ClusterClients.Timeout);
            var (from, until) = select(partition, marks);
            from = Math.Max(from, marks.Low.Value);
            until = Math.Min(until, marks.High.Value);
            if (until > from)
            {
                ends[partition] = until;
                starts.Add(new TopicPartitionOffset(topic, partition, from));
            }
        }

        var records = new List<ConsumeResult<byte[]?, byte[]>>();
        consumer.Assign(starts);
        var deadline = DateTime.UtcNow + ReadDeadline;
        while (ends.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DateTime.UtcNow > deadline)
            {
                throw new KafkaException(new Error(ErrorCode.Local_TimedOut, $"Reading {topic} did not reach the end of partitions {string.Join(", ", ends.Keys)} within {ReadDeadline.TotalSeconds:0} s."));
            }

            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { } result || !ends.TryGetValue(result.Partition.Value, out var end))
            {
                continue;
            }

            if (result.Offset.Value < end)
            {
                records.Add(result);
            }

            if (result.Offset.Value + 1 >= end)
            {
                ends.Remove(result.Partition.Value);
            }
        }

        return records.OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
    }
}
