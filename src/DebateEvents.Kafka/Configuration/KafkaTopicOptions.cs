namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// How <c>CreateIfMissing</c> creates a topic and its <c>.retry</c> and <c>.dead-letter</c> companions.
/// Existing topics are left as they are.
/// </summary>
public sealed class KafkaTopicOptions
{
    /// <summary>Partitions of the topic and of its retry topic. Default 3.</summary>
    public int NumPartitions { get; set; } = 3;

    /// <summary>Replicas of each partition. Default 1; use 3 on a production cluster.</summary>
    public short ReplicationFactor { get; set; } = 1;

    /// <summary>Retention in milliseconds (<c>retention.ms</c>); null keeps the broker default.</summary>
    public long? RetentionMs { get; set; }

    /// <summary><c>cleanup.policy</c>: <c>delete</c> (default) or <c>compact</c>.</summary>
    public string CleanupPolicy { get; set; } = "delete";

    /// <summary>
    /// The topic's <c>compression.type</c> (<c>producer</c>, <c>gzip</c>, <c>snappy</c>, <c>lz4</c>, <c>zstd</c>,
    /// <c>uncompressed</c>); null leaves the broker's default. Applies to the topic and its retry topic.
    /// </summary>
    public string? CompressionType { get; set; }

    /// <summary>Partitions of the dead-letter topic. Default 1: dead letters are rare and read by people.</summary>
    public int DeadLetterPartitions { get; set; } = 1;

    /// <summary>Retention of the dead-letter topic in milliseconds; null keeps the broker default.</summary>
    public long? DeadLetterRetentionMs { get; set; }

    /// <summary>Whether to create <c>{topic}.retry</c> too. Default true.</summary>
    public bool CreateRetryTopic { get; set; } = true;

    /// <summary>Whether to create <c>{topic}.dead-letter</c> too. Default true.</summary>
    public bool CreateDeadLetterTopic { get; set; } = true;
}
