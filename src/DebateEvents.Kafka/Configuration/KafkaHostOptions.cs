using Confluent.Kafka;

namespace DebateEvents.Kafka.Configuration;

/// <summary>Connection settings shared by the rider's producer, consumers and admin client.</summary>
public sealed class KafkaHostOptions
{
    /// <summary>Client id reported to the brokers; appears in their logs and quotas.</summary>
    public string ClientId { get; set; } = "debate-events";

    /// <summary>Transport security: plaintext, SSL, SASL over plaintext or SASL over SSL.</summary>
    public SecurityProtocol? SecurityProtocol { get; set; }

    /// <summary>SASL mechanism, for example <see cref="Confluent.Kafka.SaslMechanism.ScramSha512"/>.</summary>
    public SaslMechanism? SaslMechanism { get; set; }

    /// <summary>SASL user name.</summary>
    public string? SaslUsername { get; set; }

    /// <summary>SASL password; never logged.</summary>
    public string? SaslPassword { get; set; }

    /// <summary>Path of the CA certificate(s) that verify the brokers' certificates.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>Any other librdkafka property, applied last (for example <c>socket.keepalive.enable</c>).</summary>
    public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Copies these settings onto <paramref name="config"/> with <paramref name="bootstrapServers"/>.</summary>
    internal void ApplyTo(ClientConfig config, string bootstrapServers)
    {
        config.BootstrapServers = bootstrapServers;
        config.ClientId = ClientId;
        config.SecurityProtocol = SecurityProtocol;
        config.SaslMechanism = SaslMechanism;
        config.SaslUsername = SaslUsername;
        config.SaslPassword = SaslPassword;
        config.SslCaLocation = SslCaLocation;
        foreach (var (name, value) in Properties)
        {
            config.Set(name, value);
        }
    }
}
