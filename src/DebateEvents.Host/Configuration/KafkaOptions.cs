using System.ComponentModel.DataAnnotations;

namespace DebateEvents.Host.Configuration;

/// <summary>Kafka connection settings, bound from the <c>Kafka</c> section (env: <c>Kafka__BootstrapServers</c>).</summary>
public sealed class KafkaOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Kafka";

    /// <summary>Broker list. Empty means embedded mode: an in-process cluster on loopback.</summary>
    public string? BootstrapServers { get; set; }

    /// <summary>Prefix of every topic name (env <c>KAFKA_TOPIC_PREFIX</c> overrides it).</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]+$", ErrorMessage = "TopicPrefix may hold only letters, digits, '.', '_' and '-'.")]
    public string TopicPrefix { get; set; } = "zamaz-debate";

    /// <summary>Partitions of each topic created in embedded mode or by CreateIfMissing.</summary>
    [Range(1, 1000)]
    public int Partitions { get; set; } = 3;

    /// <summary>Brokers of the embedded cluster.</summary>
    [Range(1, 9)]
    public int EmbeddedBrokers { get; set; } = 1;

    /// <summary>True when no bootstrap servers are configured and the host runs its own cluster.</summary>
    public bool IsEmbedded => string.IsNullOrWhiteSpace(BootstrapServers);
}
