using System.ComponentModel.DataAnnotations;
using Confluent.Kafka;
using DebateEvents.Kafka.Configuration;

namespace DebateEvents.Host.Configuration;

/// <summary>
/// How the host uses Kafka, bound from the <c>Kafka</c> section (the <c>KAFKA_*</c> environment variables write
/// into it; see the README's table). Connection and security settings of the same section bind to
/// <see cref="KafkaConnectionOptions"/>.
/// </summary>
public sealed class KafkaOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Kafka";

    /// <summary>False: no Kafka client at all; events reach the processors through the in-process bus.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Broker list. Empty means embedded mode: an in-process cluster on loopback.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Prefix of every topic name.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "TopicPrefix may hold only letters, digits, '.', '_' and '-'.")]
    public string TopicPrefix { get; set; } = "zamaz-debate";

    /// <summary>Partitions of each topic created in embedded mode or by CreateIfMissing.</summary>
    [Range(1, 1000)]
    public int Partitions { get; set; } = 3;

    /// <summary>Replication factor of each topic the host creates (in embedded mode at most the broker count).</summary>
    [Range(1, short.MaxValue)]
    public short ReplicationFactor { get; set; } = 1;

    /// <summary>
    /// Whether the topic endpoints create their topics (with retry and dead-letter companions) when missing. Default true;
    /// false for a cluster where the topics are made beforehand and the host may not create them (or, like the embedded
    /// cluster reached as an external one, does not answer the admin API).
    /// </summary>
    public bool CreateTopics { get; set; } = true;

    /// <summary>
    /// The <c>compression.type</c> of each topic the host creates (<c>producer</c> keeps what producers send;
    /// <c>gzip</c>, <c>snappy</c>, <c>lz4</c>, <c>zstd</c>, <c>uncompressed</c>); unset leaves the broker's default.
    /// The embedded cluster takes no topic configuration, so there it changes nothing.
    /// </summary>
    [RegularExpression("^(producer|gzip|snappy|lz4|zstd|uncompressed)$", ErrorMessage = "TopicCompression must be producer, gzip, snappy, lz4, zstd or uncompressed.")]
    public string? TopicCompression { get; set; }

    /// <summary>Brokers of the embedded cluster.</summary>
    [Range(1, 9)]
    public int EmbeddedBrokers { get; set; } = 1;

    /// <summary>Prefix of each processor's consumer group (<c>{prefix}.debate-processors</c>); none by default.</summary>
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "GroupPrefix may hold only letters, digits, '.', '_' and '-'.")]
    public string? GroupPrefix { get; set; }

    /// <summary>Where a new consumer group starts reading: <c>Earliest</c> (default) or <c>Latest</c>.</summary>
    public AutoOffsetReset AutoOffsetReset { get; set; } = AutoOffsetReset.Earliest;

    /// <summary>The most records each topic endpoint holds in memory before it stops polling.</summary>
    [Range(1, 1_000_000)]
    public int MaxBufferedRecords { get; set; } = 500;

    /// <summary>The consumers' <c>session.timeout.ms</c>.</summary>
    [Range(1_000, 3_600_000)]
    public int SessionTimeoutMs { get; set; } = 45_000;

    /// <summary>Must stay false: the bridge commits the offsets of processed records itself.</summary>
    public bool EnableAutoCommit { get; set; }

    /// <summary>Topic of AnalyzeDebate requests; <c>{TopicPrefix}.request.analyze.v1</c> when unset.</summary>
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "RequestTopic may hold only letters, digits, '.', '_' and '-'.")]
    public string? RequestTopic { get; set; }

    /// <summary>Topic the DebateAnalysis replies go to; <c>{TopicPrefix}.response.analyze.v1</c> when unset.</summary>
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "ResponseTopic may hold only letters, digits, '.', '_' and '-'.")]
    public string? ResponseTopic { get; set; }

    /// <summary>How long <c>POST /debates/{id}/analysis</c> waits for the reply before answering 504.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long Kafka may stay unreachable, once it has been reached, before the <c>kafka</c> health check turns
    /// Unhealthy; until then it reports Degraded, since the outbox keeps accepting events for the brokers' return.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan UnhealthyAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The request topic in effect.</summary>
    public string RequestTopicName => RequestTopic is { Length: > 0 } topic ? topic : $"{TopicPrefix}.request.analyze.v1";

    /// <summary>The response topic in effect.</summary>
    public string ResponseTopicName => ResponseTopic is { Length: > 0 } topic ? topic : $"{TopicPrefix}.response.analyze.v1";

    /// <summary>Settings of the rider's producer (acks, retries, batch size, linger, compression).</summary>
    public KafkaProducerOptions Producer { get; set; } = new();

    /// <summary>True when no bootstrap servers are configured and the host runs its own cluster.</summary>
    public bool IsEmbedded => Enabled && string.IsNullOrWhiteSpace(BootstrapServers);

    /// <summary>The consumer group of a processor, with the prefix when one is set.</summary>
    public string GroupOf(string processorGroup) => GroupPrefix is { Length: > 0 } prefix ? $"{prefix}.{processorGroup}" : processorGroup;
}
