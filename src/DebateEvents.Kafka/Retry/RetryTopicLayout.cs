using Confluent.Kafka;

namespace DebateEvents.Kafka.Retry;

/// <summary>
/// Checks that an endpoint's retry topic has as many partitions as its topic. A key's record goes to the
/// same partition number in both, and the group's range assignor gives equal numbers of both topics to one
/// consumer, which is what lets that consumer hold the key's later records back while one waits for its
/// retry. With different counts a key's two partitions can land on different instances: nothing is lost,
/// but the key's later records may overtake the one in retry. Topics made by <c>CreateIfMissing</c> match;
/// topics made by hand, or a topic that already existed with another count, may not.
/// </summary>
internal static class RetryTopicLayout
{
    /// <summary>What is wrong with the layout, or null when it is right or the metadata could not be read.</summary>
    public static string? FindProblem(IClient client, string topic, string retryTopic, TimeSpan timeout)
    {
        using var admin = new DependentAdminClientBuilder(client.Handle).Build();
        var topicPartitions = PartitionCount(admin, topic, timeout);
        var retryPartitions = PartitionCount(admin, retryTopic, timeout);
        return topicPartitions is null || retryPartitions is null || topicPartitions == retryPartitions
            ? null
            : $"Retry topic {retryTopic} has {retryPartitions} partitions but {topic} has {topicPartitions}: keys may lose their order through retries. Give both the same partition count.";
    }

    private static int? PartitionCount(IAdminClient admin, string topic, TimeSpan timeout)
    {
        try
        {
            var metadata = admin.GetMetadata(topic, timeout).Topics.FirstOrDefault(t => t.Topic == topic);
            return metadata is { Error.IsError: false, Partitions.Count: > 0 } ? metadata.Partitions.Count : null;
        }
        catch (KafkaException)
        {
            return null;
        }
    }
}
