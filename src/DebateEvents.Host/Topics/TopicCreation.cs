using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace DebateEvents.Host.Topics;

/// <summary>
/// Creates topics: through the embedded cluster's own call in embedded mode (it does not answer the admin
/// CreateTopics request), otherwise through the admin client.
/// </summary>
internal sealed class TopicCreation(ClusterClients clients)
{
    /// <summary>True once created; false when the topic exists already.</summary>
    /// <exception cref="CreateTopicsException">The broker refused the topic for another reason.</exception>
    public Task<bool> CreateAsync(TopicSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return clients.Embedded is { } cluster
            ? ClusterClients.OffRequestThread(() => CreateEmbedded(cluster, spec), cancellationToken)
            : CreateWithAdminAsync(spec, cancellationToken);
    }

    /// <summary>The retention the new topic reports: the embedded cluster keeps no topic configuration, so none there.</summary>
    public long? RetentionOf(TopicSpec spec) => clients.Embedded is null ? spec.RetentionMs : null;

    private static bool CreateEmbedded(DebateEvents.Embedded.EmbeddedKafkaCluster cluster, TopicSpec spec)
    {
        try
        {
            cluster.CreateTopic(spec.Name, spec.Partitions, spec.ReplicationFactor);
            return true;
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.TopicAlreadyExists)
        {
            return false;
        }
    }

    private async Task<bool> CreateWithAdminAsync(TopicSpec spec, CancellationToken cancellationToken)
    {
        var topic = new TopicSpecification { Name = spec.Name, NumPartitions = spec.Partitions, ReplicationFactor = (short)spec.ReplicationFactor };
        if (spec.RetentionMs is { } retention)
        {
            topic.Configs = new Dictionary<string, string> { ["retention.ms"] = retention.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }

        using var admin = clients.Admin();
        try
        {
            await admin.CreateTopicsAsync([topic], new CreateTopicsOptions { RequestTimeout = ClusterClients.Timeout }).WaitAsync(cancellationToken);
            return true;
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code == ErrorCode.TopicAlreadyExists))
        {
            return false;
        }
    }
}
