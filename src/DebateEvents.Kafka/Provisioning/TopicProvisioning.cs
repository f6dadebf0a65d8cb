using System.Globalization;
using DebateEvents.Kafka.Configuration;

namespace DebateEvents.Kafka.Provisioning;

/// <summary>Expands <see cref="KafkaTopicOptions"/> into the topic, retry topic and dead-letter topic to create.</summary>
internal static class TopicProvisioning
{
    public static IReadOnlyList<TopicDefinition> Expand(string topic, KafkaTopicOptions options)
    {
        var definitions = new List<TopicDefinition>(3)
        {
            new(topic, options.NumPartitions, options.ReplicationFactor, Configs(options.RetentionMs, options.CleanupPolicy, options.CompressionType)),
        };
        if (options.CreateRetryTopic)
        {
            definitions.Add(new(TopicNames.Retry(topic), options.NumPartitions, options.ReplicationFactor,
                Configs(options.RetentionMs, "delete", options.CompressionType)));
        }

        if (options.CreateDeadLetterTopic)
        {
            definitions.Add(new(TopicNames.DeadLetter(topic), options.DeadLetterPartitions, options.ReplicationFactor,
                Configs(options.DeadLetterRetentionMs, "delete", null)));
        }

        return definitions;
    }

    private static Dictionary<string, string> Configs(long? retentionMs, string cleanupPolicy, string? compressionType)
    {
        var configs = new Dictionary<string, string>(StringComparer.Ordinal) { ["cleanup.policy"] = cleanupPolicy };
        if (compressionType is { Length: > 0 })
        {
            configs["compression.type"] = compressionType;
        }

        if (retentionMs is { } retention)
        {
            configs["retention.ms"] = retention.ToString(CultureInfo.InvariantCulture);
        }

        return configs;
    }
}
