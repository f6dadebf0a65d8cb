namespace DebateEvents.Embedded;

/// <summary>
/// Kafka protocol request types, for injecting errors into the embedded cluster's answers to one
/// kind of request (<see cref="EmbeddedKafkaCluster.PushRequestErrors"/>).
/// </summary>
public enum KafkaApiKey : short
{
    /// <summary>Produce: a producer appending records.</summary>
    Produce = 0,

    /// <summary>Fetch: a consumer reading records.</summary>
    Fetch = 1,

    /// <summary>ListOffsets: looking up earliest or latest offsets.</summary>
    ListOffsets = 2,

    /// <summary>Metadata: brokers, topics and partition leaders.</summary>
    Metadata = 3,

    /// <summary>OffsetCommit: a consumer group storing its position.</summary>
    OffsetCommit = 8,

    /// <summary>OffsetFetch: a consumer group reading its stored position.</summary>
    OffsetFetch = 9,

    /// <summary>FindCoordinator: locating the group or transaction coordinator.</summary>
    FindCoordinator = 10,

    /// <summary>JoinGroup: a member joining a consumer group.</summary>
    JoinGroup = 11,

    /// <summary>Heartbeat: a member keeping its group session alive.</summary>
    Heartbeat = 12,

    /// <summary>SyncGroup: a member receiving its partition assignment.</summary>
    SyncGroup = 14,

    /// <summary>InitProducerId: an idempotent or transactional producer starting up.</summary>
    InitProducerId = 22,
}
