using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Provisioning;

/// <summary>Creates topics with the Kafka admin API, treating "already exists" as success.</summary>
internal sealed class AdminClientTopicProvisioner : ITopicProvisioner, IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private readonly Lazy<IAdminClient> _admin;
    private readonly ILogger _logger;

    public AdminClientTopicProvisioner(AdminClientConfig config, ILogger logger)
    {
        // PublicationOnly: a client that failed to build (a broker name that does not resolve yet) is tried again next time.
        _admin = new Lazy<IAdminClient>(() => new AdminClientBuilder(config).Build(), LazyThreadSafetyMode.PublicationOnly);
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
            // The broker keeps working on a request the caller stopped waiting for: bound it, so it does not outlive start-up.
            await _admin.Value.CreateTopicsAsync([specification], new CreateTopicsOptions { RequestTimeout = RequestTimeout, OperationTimeout = RequestTimeout })
                .WaitAsync(cancellationToken);
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
