using Confluent.Kafka;

namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// How every Kafka client of the project reaches the cluster: the rider's producer and topic endpoints, the
/// outbox's own producer, admin clients and health checks are all built from one of these, so a secured
/// cluster needs its settings written once. Bound from configuration like any options class.
/// </summary>
public sealed class KafkaConnectionOptions
{
    /// <summary>Comma-separated <c>host:port</c> list of brokers.</summary>
    public string BootstrapServers { get; set; } = "";

    /// <summary>The <c>client.id</c> brokers see in their logs and quotas.</summary>
    public string ClientId { get; set; } = "debate-events";

    /// <summary><c>security.protocol</c>: Plaintext (default), Ssl, SaslPlaintext or SaslSsl.</summary>
    public SecurityProtocol? SecurityProtocol { get; set; }

    /// <summary><c>sasl.mechanism</c>: Plain, ScramSha256, ScramSha512, OAuthBearer.</summary>
    public SaslMechanism? SaslMechanism { get; set; }

    /// <summary><c>sasl.username</c>.</summary>
    public string? SaslUsername { get; set; }

    /// <summary><c>sasl.password</c>; never logged.</summary>
    public string? SaslPassword { get; set; }

    /// <summary><c>ssl.ca.location</c>: the CA file that signs the brokers' certificates.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary><c>ssl.certificate.location</c>: the client certificate for mutual TLS.</summary>
    public string? SslCertificateLocation { get; set; }

    /// <summary><c>ssl.key.location</c>: the client certificate's private key.</summary>
    public string? SslKeyLocation { get; set; }

    /// <summary><c>ssl.key.password</c>; never logged.</summary>
    public string? SslKeyPassword { get; set; }

    /// <summary>Any other librdkafka property, applied last (for example <c>socket.keepalive.enable</c>).</summary>
    public IDictionary<string, string> Properties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Writes these settings into a client configuration of any kind (producer, consumer, admin).</summary>
    public void ApplyTo(ClientConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.BootstrapServers = BootstrapServers;
        config.ClientId = ClientId;
        config.SecurityProtocol = SecurityProtocol;
        config.SaslMechanism = SaslMechanism;
        config.SaslUsername = SaslUsername;
        config.SaslPassword = SaslPassword;
        config.SslCaLocation = SslCaLocation;
        config.SslCertificateLocation = SslCertificateLocation;
        config.SslKeyLocation = SslKeyLocation;
        config.SslKeyPassword = SslKeyPassword;
        foreach (var (name, value) in Properties)
        {
            config.Set(name, value);
        }
    }

    /// <summary>An admin client configuration with these settings.</summary>
    public AdminClientConfig ToAdminConfig()
    {
        var config = new AdminClientConfig();
        ApplyTo(config);
        return config;
    }

    /// <summary>Copies every setting from <paramref name="other"/>.</summary>
    public void CopyFrom(KafkaConnectionOptions other)
    {
        ArgumentNullException.ThrowIfNull(other);
        BootstrapServers = other.BootstrapServers;
        ClientId = other.ClientId;
        SecurityProtocol = other.SecurityProtocol;
        SaslMechanism = other.SaslMechanism;
        SaslUsername = other.SaslUsername;
        SaslPassword = other.SaslPassword;
        SslCaLocation = other.SslCaLocation;
        SslCertificateLocation = other.SslCertificateLocation;
        SslKeyLocation = other.SslKeyLocation;
        SslKeyPassword = other.SslKeyPassword;
        foreach (var (name, value) in other.Properties)
        {
            Properties[name] = value;
        }
    }
}
