using static DebateEvents.Host.Settings.EnvironmentValues;

namespace DebateEvents.Host.Settings;

/// <summary>
/// The environment variables the host reads, in the names Kafka users know, each checked at start and written
/// to the configuration key the options bind from (so <c>appsettings.json</c> and <c>Kafka__...</c> keys work too,
/// and the environment wins). The README's configuration table lists the same variables.
/// </summary>
internal static class EnvironmentSettings
{
    private const string Protocols = "PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL";
    private const string Mechanisms = "PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER";

    public static IReadOnlyList<EnvironmentVariable> All { get; } =
    [
        new("KAFKA_ENABLED", "Kafka:Enabled", "true, false", EnvironmentValues.Boolean),
        new("KAFKA_BOOTSTRAP_SERVERS", "Kafka:BootstrapServers", "host:port[,host:port...]", HostPortList),
        new("KAFKA_TOPIC_PREFIX", "Kafka:TopicPrefix", "letters, digits, '.', '_' and '-'", TopicName),
        new("KAFKA_NUM_PARTITIONS", "Kafka:Partitions", "1 to 1000", Integer(1, 1000)),
        new("KAFKA_REPLICATION_FACTOR", "Kafka:ReplicationFactor", "1 to 32767", Integer(1, short.MaxValue)),
        new("KAFKA_SECURITY_PROTOCOL", "Kafka:SecurityProtocol", Protocols,
            OneOf(("PLAINTEXT", "Plaintext"), ("SSL", "Ssl"), ("SASL_PLAINTEXT", "SaslPlaintext"), ("SASL_SSL", "SaslSsl"))),
        new("KAFKA_SASL_MECHANISM", "Kafka:SaslMechanism", Mechanisms,
            OneOf(("PLAIN", "Plain"), ("SCRAM-SHA-256", "ScramSha256"), ("SCRAM-SHA-512", "ScramSha512"), ("OAUTHBEARER", "OAuthBearer"))),
        new("KAFKA_SASL_USERNAME", "Kafka:SaslUsername", "any text", Text),
        new("KAFKA_SASL_PASSWORD", "Kafka:SaslPassword", "any text", Text, Secret: true),
        new("KAFKA_SSL_CA_LOCATION", "Kafka:SslCaLocation", "an existing PEM file", ExistingFile),
        new("KAFKA_SSL_CERTIFICATE_LOCATION", "Kafka:SslCertificateLocation", "an existing PEM file", ExistingFile),
        new("KAFKA_SSL_KEY_LOCATION", "Kafka:SslKeyLocation", "an existing PEM file", ExistingFile),
        new("KAFKA_SSL_KEY_PASSWORD", "Kafka:SslKeyPassword", "any text", Text, Secret: true),
        new("KAFKA_CLIENT_ID", "Kafka:ClientId", "any text", Text),
        new("KAFKA_REQUEST_TOPIC", "Kafka:RequestTopic", "letters, digits, '.', '_' and '-'", TopicName),
        new("KAFKA_RESPONSE_TOPIC", "Kafka:ResponseTopic", "letters, digits, '.', '_' and '-'", TopicName),
        new("KAFKA_GROUP_ID", "Kafka:GroupPrefix", "letters, digits, '.', '_' and '-'", TopicName),
        new("KAFKA_CONSUMER_GROUP", "Kafka:GroupPrefix", "letters, digits, '.', '_' and '-' (alias of KAFKA_GROUP_ID)", TopicName),
        new("KAFKA_AUTO_OFFSET_RESET", "Kafka:AutoOffsetReset", "earliest, latest, error",
            OneOf(("earliest", "Earliest"), ("latest", "Latest"), ("error", "Error"))),
        new("KAFKA_MAX_POLL_RECORDS", "Kafka:MaxBufferedRecords", "1 to 1000000", Integer(1, 1_000_000)),
        new("KAFKA_SESSION_TIMEOUT_MS", "Kafka:SessionTimeoutMs", "1000 to 3600000", Integer(1_000, 3_600_000)),
        new("KAFKA_ACKS", "Kafka:Producer:Acks", "all, -1, 1, 0",
            OneOf(("all", "All"), ("-1", "All"), ("1", "Leader"), ("0", "None"))),
        new("KAFKA_RETRIES", "Kafka:Producer:Retries", "0 to 2147483647", Integer(0, int.MaxValue)),
        new("KAFKA_BATCH_SIZE", "Kafka:Producer:BatchSizeBytes", "1 to 2147483647 bytes", Integer(1, int.MaxValue)),
        new("KAFKA_LINGER_MS", "Kafka:Producer:Linger", "0 to 900000", Milliseconds(0, 900_000)),
        new("KAFKA_COMPRESSION_TYPE", "Kafka:Producer:CompressionType", "none, gzip, snappy, lz4, zstd",
            OneOf(("none", "None"), ("gzip", "Gzip"), ("snappy", "Snappy"), ("lz4", "Lz4"), ("zstd", "Zstd"))),
        new("KAFKA_TOPIC_COMPRESSION_TYPE", "Kafka:TopicCompression", "producer, gzip, snappy, lz4, zstd, uncompressed",
            OneOf(("producer", "producer"), ("gzip", "gzip"), ("snappy", "snappy"), ("lz4", "lz4"), ("zstd", "zstd"), ("uncompressed", "uncompressed"))),
        new("KAFKA_ENABLE_AUTO_COMMIT", "Kafka:EnableAutoCommit", "false (auto-commit is off by design)", OneOf(("false", "false"))),
        new("KAFKA_SCHEMA_REGISTRY_URL", "SchemaRegistry:Url", "one or more http(s) URLs separated by commas", HttpUrls),
        new("DEBATE_SIMULATOR_RATE", "Simulator:Rate", "0 to 10000 events per second (0: off)", Integer(0, 10_000)),
        new("DEBATE_EVENTS_DATABASE_PROVIDER", "Database:Provider", "sqlite, postgres", OneOf(("sqlite", "sqlite"), ("postgres", "postgres"))),
        new("DEBATE_EVENTS_DATABASE_CONNECTION", "ConnectionStrings:Debates", "a connection string of the chosen provider", Text, Secret: true),
        new("DEBATE_EVENTS_API_KEY", "Api:Key", "any text of 16 characters or more", value => value.Length >= 16 ? value : null, Secret: true),
    ];

    /// <summary>Writes every set variable to its configuration key; an empty variable counts as unset.</summary>
    /// <exception cref="InvalidOperationException">A variable has a value outside what it allows; the message names both.</exception>
    public static void Apply(IConfiguration configuration, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var variable in All)
        {
            if (environment(variable.Name) is not { Length: > 0 } raw)
            {
                continue;
            }

            configuration[variable.Key] = variable.Translate(raw.Trim()) ?? throw new InvalidOperationException(Refusal(variable, raw));
        }
    }

    private static string Refusal(EnvironmentVariable variable, string raw)
    {
        var shown = variable.Secret ? "(hidden)" : $"'{raw}'";
        var why = variable.Name == "KAFKA_ENABLE_AUTO_COMMIT"
            ? " Offsets are committed by the bridge after each record is processed (records of different keys finish out of order); auto-commit would commit records not yet processed and lose them on a crash."
            : "";
        return $"{variable.Name}={shown} is not valid; allowed: {variable.Allowed}.{why}";
    }
}
