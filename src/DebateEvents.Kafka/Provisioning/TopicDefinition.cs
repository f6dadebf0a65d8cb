namespace DebateEvents.Kafka.Provisioning;

/// <summary>A topic to create if it does not exist yet.</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">Partition count.</param>
/// <param name="ReplicationFactor">Replicas per partition.</param>
/// <param name="Configs">Topic-level configuration such as <c>retention.ms</c> and <c>cleanup.policy</c>.</param>
public sealed record TopicDefinition(string Name, int Partitions, short ReplicationFactor, IReadOnlyDictionary<string, string> Configs);
