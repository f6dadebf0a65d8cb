using DebateEvents.Host.Configuration;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Embedded;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Embedded;

/// <summary>
/// The Kafka cluster this host talks to: the configured brokers, or in embedded mode an in-process
/// cluster started on first use with the domain topics created.
/// </summary>
public sealed class KafkaConnection : IDisposable
{
    private readonly EmbeddedKafkaCluster? _embedded;

    /// <summary>Connects to the configured cluster, or starts the embedded one.</summary>
    public KafkaConnection(IOptions<KafkaOptions> options, IOptions<KafkaConnectionOptions> connection, ILogger<KafkaConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connection);
        var kafka = options.Value;
        Options = connection.Value;
        if (!kafka.IsEmbedded)
        {
            BootstrapServers = kafka.BootstrapServers!;
            return;
        }

        if (Options.SecurityProtocol is { } protocol && protocol != Confluent.Kafka.SecurityProtocol.Plaintext)
        {
            throw new InvalidOperationException(
                $"Kafka:SecurityProtocol (KAFKA_SECURITY_PROTOCOL) is {protocol}, but no KAFKA_BOOTSTRAP_SERVERS is set: the embedded cluster speaks plaintext only.");
        }

        _embedded = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = kafka.EmbeddedBrokers });
        foreach (var topic in DomainTopics.Names(kafka.TopicPrefix).Concat(DomainTopics.RequestResponse(kafka)))
        {
            _embedded.CreateTopic(topic, kafka.Partitions, Math.Min(kafka.ReplicationFactor, kafka.EmbeddedBrokers));
        }

        BootstrapServers = _embedded.BootstrapServers;
        Options.BootstrapServers = BootstrapServers;
        logger.LogInformation("Embedded Kafka cluster with {Brokers} broker(s) listening on {BootstrapServers}", kafka.EmbeddedBrokers, BootstrapServers);
    }

    /// <summary>Broker list for Kafka clients.</summary>
    public string BootstrapServers { get; }

    /// <summary>The one connection description every Kafka client of the host is built from (the embedded brokers in embedded mode).</summary>
    public KafkaConnectionOptions Options { get; }

    /// <summary>The in-process cluster in embedded mode, else null.</summary>
    public EmbeddedKafkaCluster? Embedded => _embedded;

    /// <summary>Stops the embedded cluster, if any.</summary>
    public void Dispose() => _embedded?.Dispose();
}
