using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Provisioning;

/// <summary>Creates topics with the Kafka admin API, treating "already exists" as success.</summary>
internal sealed class AdminClientTopicProvisioner : ITopicProvisioner, IDisposable
{
    private readonly Lazy<IAdminClient> _admin;
    private readonly ILogger _logger;

    public AdminClientTopicProvisioner(AdminClientConfig config, ILogger logger)
    {
        _admin = new Lazy<IAdminClient>(() => new AdminClientBuilder(config).Build());
        _logger = logger;
    }

    public async Task EnsureTopic(TopicDefinition topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var specification = new TopicSpecification
        {
            Name = topic.Name,
            NumPartitions = topic.Partitions,
            ReplicationFactor = topic.ReplicationFactor,
            Configs = topic.Configs.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal),
        };
        try
        {
            await _admin.Value.CreateTopicsAsync([specification]).WaitAsync(cancellationToken);
            _logger.LogInformation("Created topic {Topic} with {Partitions} partitions", topic.Name, topic.Partitions);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.TopicAlreadyExists or ErrorCode.NoError))
        {
            _logger.LogDebug("Topic {Topic} exists already", topic.Name);
        }
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
