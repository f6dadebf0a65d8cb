using System.Text.Json.Serialization;

namespace DebateEvents.Host.Topics;

/// <summary>The body of <c>POST /kafka/topics</c>: a topic by name, or the topic an event type is routed to.</summary>
internal sealed class TopicRequest
{
    /// <summary>An event type (short or Avro full name); the topic is the one it is routed to.</summary>
    [JsonPropertyName("event_type")]
    public string? EventType { get; init; }

    /// <summary>The topic name, when no event type is given.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Partitions; the host's <c>Kafka:Partitions</c> when absent.</summary>
    [JsonPropertyName("num_partitions")]
    public int? NumPartitions { get; init; }

    /// <summary>Replicas of each partition; up to three, as many as there are brokers, when absent.</summary>
    [JsonPropertyName("replication_factor")]
    public int? ReplicationFactor { get; init; }

    /// <summary><c>retention.ms</c>: -1 for unlimited; the broker's default when absent.</summary>
    [JsonPropertyName("retention_ms")]
    public long? RetentionMs { get; init; }
}
