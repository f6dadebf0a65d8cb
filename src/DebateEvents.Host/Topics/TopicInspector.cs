using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace DebateEvents.Host.Topics;

/// <summary>Reads a topic's watermarks and, for each consumer group that reads it, the committed offsets and lag.</summary>
internal sealed class TopicInspector(ClusterClients clients, HostConsumerGroups hostGroups)
{
    /// <summary>The partitions and group progress of <paramref name="topic"/>.</summary>
    public async Task<TopicDetail> DescribeAsync(TopicMetadata topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var partitions = topic.Partitions.Select(p => new TopicPartition(topic.Topic, p.PartitionId)).ToList();
        var marks = await ClusterClients.OffRequestThread(() =>
        {
            using var reader = clients.Reader();
            return partitions.ToDictionary(p => p.Partition.Value, p => reader.QueryWatermarkOffsets(p, ClusterClients.Timeout));
        }, cancellationToken);
        var states = topic.Partitions.OrderBy(p => p.PartitionId)
            .Select(p => new PartitionState(p.PartitionId, p.Leader, p.Replicas, p.InSyncReplicas, marks[p.PartitionId].Low.Value, marks[p.PartitionId].High.Value))
            .ToList();
        var groups = await GroupsAsync(topic.Topic, partitions, marks, cancellationToken);
        return new TopicDetail(topic.Topic, states, groups);
    }

    private async Task<List<GroupLag>> GroupsAsync(string topic, List<TopicPartition> partitions, Dictionary<int, WatermarkOffsets> marks,
        CancellationToken cancellationToken)
    {
        var own = hostGroups.Of(topic);
        using var admin = clients.Admin();
        var candidates = own.Union(await ListedGroupsAsync(admin, cancellationToken), StringComparer.Ordinal).ToList();
        var lags = new List<GroupLag>();
        foreach (var group in candidates)
        {
            // librdkafka answers one group per ListConsumerGroupOffsets call; naming the partitions is what the embedded cluster supports.
            var offsets = await admin.ListConsumerGroupOffsetsAsync([new ConsumerGroupTopicPartitions(group, partitions)],
                new ListConsumerGroupOffsetsOptions { RequestTimeout = ClusterClients.Timeout }).WaitAsync(cancellationToken);
            var committed = offsets.SelectMany(o => o.Partitions).ToDictionary(p => p.Partition.Value, p => p.Offset.Value >= 0 ? p.Offset.Value : (long?)null);
            if (!own.Contains(group) && committed.Values.All(c => c is null))
            {
                continue;
            }

            var perPartition = marks.OrderBy(m => m.Key)
                .Select(m => new PartitionLag(m.Key, committed.GetValueOrDefault(m.Key), m.Value.High.Value - (committed.GetValueOrDefault(m.Key) ?? m.Value.Low.Value)))
                .ToList();
            lags.Add(new GroupLag(group, perPartition.Sum(p => p.Lag), perPartition));
        }

        return lags;
    }

    private async Task<IEnumerable<string>> ListedGroupsAsync(IAdminClient admin, CancellationToken cancellationToken)
    {
        // The embedded cluster does not answer ListGroups, and a failed admin request there has corrupted librdkafka's
        // heap on dispose in our runs: it gets only the host's own groups.
        if (clients.Embedded is not null)
        {
            return [];
        }

        try
        {
            var listed = await admin.ListConsumerGroupsAsync(new ListConsumerGroupsOptions { RequestTimeout = ClusterClients.Timeout }).WaitAsync(cancellationToken);
            return listed.Valid.Select(g => g.GroupId);
        }
        catch (KafkaException)
        {
            return [];
        }
    }
}
