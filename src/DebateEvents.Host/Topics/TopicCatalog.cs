using System.Globalization;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace DebateEvents.Host.Topics;

/// <summary>The topics the broker reports in its metadata, not the names the host expects.</summary>
internal sealed class TopicCatalog(ClusterClients clients)
{
    /// <summary>Every topic of the cluster, by name.</summary>
    public async Task<IReadOnlyList<TopicSummary>> ListAsync(CancellationToken cancellationToken)
    {
        var topics = (await MetadataAsync(cancellationToken)).Topics
            .Where(t => t.Error.Code == ErrorCode.NoError)
            .OrderBy(t => t.Topic, StringComparer.Ordinal)
            .ToList();
        var retention = await RetentionAsync(topics.Select(t => t.Topic).ToList(), cancellationToken);
        return topics.Select(t => Summary(t, retention.GetValueOrDefault(t.Topic))).ToList();
    }

    /// <summary>The broker's metadata of one topic, or null when the cluster has no such topic.</summary>
    public async Task<TopicMetadata?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await MetadataAsync(cancellationToken)).Topics.SingleOrDefault(t => t.Topic == name && t.Error.Code == ErrorCode.NoError);

    /// <summary>How many brokers the cluster reports.</summary>
    public async Task<int> BrokerCountAsync(CancellationToken cancellationToken) => (await MetadataAsync(cancellationToken)).Brokers.Count;

    /// <summary>The summary of one topic, with its retention where the cluster reports it.</summary>
    public async Task<TopicSummary> SummarizeAsync(TopicMetadata topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var retention = await RetentionAsync([topic.Topic], cancellationToken);
        return Summary(topic, retention.GetValueOrDefault(topic.Topic));
    }

    private static TopicSummary Summary(TopicMetadata topic, long? retentionMs) =>
        new(topic.Topic, topic.Partitions.Count, topic.Partitions.Count > 0 ? topic.Partitions[0].Replicas.Length : 0, retentionMs);

    // Listing all topics does not auto-create any, unlike asking for one by name.
    private Task<Metadata> MetadataAsync(CancellationToken cancellationToken) => ClusterClients.OffRequestThread(() =>
    {
        using var admin = clients.Admin();
        return admin.GetMetadata(ClusterClients.Timeout);
    }, cancellationToken);

    private async Task<Dictionary<string, long?>> RetentionAsync(IReadOnlyList<string> topics, CancellationToken cancellationToken)
    {
        // The embedded cluster never answers DescribeConfigs (the client waits for a controller until it times out),
        // and in our runs an admin client disposed after such a failed request corrupted librdkafka's heap.
        var retention = new Dictionary<string, long?>(StringComparer.Ordinal);
        if (clients.Embedded is not null || topics.Count == 0)
        {
            return retention;
        }

        using var admin = clients.Admin();
        var resources = topics.Select(t => new ConfigResource { Type = ResourceType.Topic, Name = t });
        List<(string Topic, Dictionary<string, ConfigEntryResult> Entries)> described;
        try
        {
            var results = await admin.DescribeConfigsAsync(resources, new DescribeConfigsOptions { RequestTimeout = ClusterClients.Timeout })
                .WaitAsync(cancellationToken);
            described = results.Select(r => (r.ConfigResource.Name, r.Entries)).ToList();
        }
        catch (DescribeConfigsException ex)
        {
            described = ex.Results.Where(r => r.Error.Code == ErrorCode.NoError).Select(r => (r.ConfigResource.Name, r.Entries)).ToList();
        }
        catch (KafkaException)
        {
            return retention;
        }

        foreach (var (topic, entries) in described)
        {
            retention[topic] = entries.TryGetValue("retention.ms", out var entry)
                && long.TryParse(entry.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : null;
        }

        return retention;
    }
}
