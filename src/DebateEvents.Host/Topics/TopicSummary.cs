namespace DebateEvents.Host.Topics;

/// <summary>A topic as the broker's metadata describes it.</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">How many partitions it has.</param>
/// <param name="ReplicationFactor">Replicas of each partition (those of partition 0).</param>
/// <param name="RetentionMs">The topic's <c>retention.ms</c>, or null where the cluster does not answer DescribeConfigs (the embedded one).</param>
internal sealed record TopicSummary(string Name, int Partitions, int ReplicationFactor, long? RetentionMs);
