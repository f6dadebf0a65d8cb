namespace DebateEvents.Host.Topics;

/// <summary>A validated topic to create.</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">How many partitions.</param>
/// <param name="ReplicationFactor">Replicas of each partition.</param>
/// <param name="RetentionMs"><c>retention.ms</c>, or null for the broker's default.</param>
internal sealed record TopicSpec(string Name, int Partitions, int ReplicationFactor, long? RetentionMs);
