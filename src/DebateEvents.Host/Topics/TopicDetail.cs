namespace DebateEvents.Host.Topics;

/// <summary>One topic's partitions with their watermarks, and the committed offsets and lag of each consumer group.</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">Each partition's leader, replicas and watermarks.</param>
/// <param name="Groups">Each consumer group's committed offsets and lag on this topic.</param>
internal sealed record TopicDetail(string Name, IReadOnlyList<PartitionState> Partitions, IReadOnlyList<GroupLag> Groups);

/// <summary>A partition's leader broker, replicas and its low and high watermarks.</summary>
/// <param name="Partition">The partition id.</param>
/// <param name="Leader">The leader broker's id.</param>
/// <param name="Replicas">Broker ids holding a replica.</param>
/// <param name="InSyncReplicas">Broker ids of the in-sync replicas.</param>
/// <param name="Low">The first offset still held.</param>
/// <param name="High">The offset the next record will get.</param>
internal sealed record PartitionState(int Partition, int Leader, int[] Replicas, int[] InSyncReplicas, long Low, long High);

/// <summary>A consumer group's progress on a topic.</summary>
/// <param name="Group">The group id.</param>
/// <param name="Lag">Records not yet committed, summed over the partitions.</param>
/// <param name="Partitions">Per partition the committed offset (null before the first commit) and the lag.</param>
internal sealed record GroupLag(string Group, long Lag, IReadOnlyList<PartitionLag> Partitions);

/// <summary>A consumer group's committed offset and lag on one partition.</summary>
/// <param name="Partition">The partition id.</param>
/// <param name="Committed">The committed offset, or null when the group has committed none here.</param>
/// <param name="Lag">High watermark minus the committed offset (minus the low watermark before the first commit).</param>
internal sealed record PartitionLag(int Partition, long? Committed, long Lag);
