using Confluent.SchemaRegistry;

namespace DebateEvents.Avro.Registry;

/// <summary>Settings of the schema registry client, bound from configuration (section <c>SchemaRegistry</c> by default)
/// and validated at start by <c>AddSchemaRegistry</c>. They become the <c>schema.registry.*</c> settings of
/// Confluent's <see cref="CachedSchemaRegistryClient"/>.</summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>The registry's base URL (<c>http://localhost:8081</c>), or several separated by commas.
    /// Required: there is deliberately no default, so a service never talks to a registry it was not told about.</summary>
    public string Url { get; set; } = "";

    /// <summary>Credentials as <c>user:password</c> for HTTP basic authentication; never logged.</summary>
    public string? BasicAuthUserInfo { get; set; }

    /// <summary>CA certificate file (PEM) that signs the registry's TLS certificate.</summary>
    public string? SslCaLocation { get; set; }

    /// <summary>Client keystore (PKCS#12) for mutual TLS.</summary>
    public string? SslKeystoreLocation { get; set; }

    /// <summary>Password of <see cref="SslKeystoreLocation"/>; never logged.</summary>
    public string? SslKeystorePassword { get; set; }

    /// <summary>How long one HTTP request may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times Confluent's client retries a failed request; 0 to 10.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Any other <c>schema.registry.*</c> setting of Confluent's client, applied last.</summary>
    public Dictionary<string, string> Properties { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether serializers register unknown schemas themselves. Off by default: production schemas are
    /// registered by the CI pipeline, so a producer cannot change a subject by accident.</summary>
    public bool AutoRegisterSchemas { get; set; }

    /// <summary>How serializers derive the subject for a topic and event type (Confluent's strategies; default TopicRecord).</summary>
    public SubjectNameStrategy SubjectNameStrategy { get; set; } = SubjectNameStrategy.TopicRecord;

    /// <summary>These settings as Confluent's client configuration.</summary>
    public SchemaRegistryConfig ToClientConfig()
    {
        var config = new SchemaRegistryConfig
        {
            Url = Url,
            RequestTimeoutMs = (int)RequestTimeout.TotalMilliseconds,
            MaxRetries = MaxRetries,
        };
        if (!string.IsNullOrEmpty(BasicAuthUserInfo))
        {
            config.BasicAuthCredentialsSource = AuthCredentialsSource.UserInfo;
            config.BasicAuthUserInfo = BasicAuthUserInfo;
        }

        config.SslCaLocation = SslCaLocation;
        config.SslKeystoreLocation = SslKeystoreLocation;
        config.SslKeystorePassword = SslKeystorePassword;
        foreach (var (key, value) in Properties)
        {
            config.Set(key, value);
        }

        return config;
    }

    /// <summary>Creates Confluent's caching client for these settings.</summary>
    public ISchemaRegistryClient CreateClient() => new CachedSchemaRegistryClient(ToClientConfig());
}
