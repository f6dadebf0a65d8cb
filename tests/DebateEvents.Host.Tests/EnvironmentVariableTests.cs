using System.Net;
using System.Text.Json;
using DebateEvents.Avro.Registry;
using DebateEvents.Host.Configuration;
using DebateEvents.Host.Embedded;
using DebateEvents.Embedded;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Tests;

/// <summary>Every environment variable of the README's table reaches the setting it names; a bad value stops the host naming it.</summary>
[Trait("Category", "Integration")]
public sealed class EnvironmentVariableTests
{
    [Fact]
    public async Task EveryVariable_TakesEffect()
    {
        var ca = Path.GetTempFileName();
        await using var registry = await EmbeddedSchemaRegistry.StartAsync();
        await using var factory = new HostFactory
        {
            Settings =
            {
                ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:1",
                ["KAFKA_TOPIC_PREFIX"] = "env-prefix",
                ["KAFKA_NUM_PARTITIONS"] = "7",
                ["KAFKA_REPLICATION_FACTOR"] = "2",
                ["KAFKA_SECURITY_PROTOCOL"] = "sasl_plaintext",
                ["KAFKA_SASL_MECHANISM"] = "SCRAM-SHA-512",
                ["KAFKA_SASL_USERNAME"] = "env-user",
                ["KAFKA_SASL_PASSWORD"] = "env-password",
                ["KAFKA_SSL_CA_LOCATION"] = ca,
                ["KAFKA_SSL_CERTIFICATE_LOCATION"] = ca,
                ["KAFKA_SSL_KEY_LOCATION"] = ca,
                ["KAFKA_SSL_KEY_PASSWORD"] = "key-password",
                ["KAFKA_CLIENT_ID"] = "env-client",
                ["KAFKA_CONSUMER_GROUP"] = "env-groups",
                ["KAFKA_REQUEST_TOPIC"] = "env-prefix.requests",
                ["KAFKA_RESPONSE_TOPIC"] = "env-prefix.replies",
                ["KAFKA_AUTO_OFFSET_RESET"] = "latest",
                ["KAFKA_MAX_POLL_RECORDS"] = "123",
                ["KAFKA_SESSION_TIMEOUT_MS"] = "7000",
                ["KAFKA_ACKS"] = "1",
                ["KAFKA_RETRIES"] = "9",
                ["KAFKA_BATCH_SIZE"] = "65536",
                ["KAFKA_LINGER_MS"] = "25",
                ["KAFKA_COMPRESSION_TYPE"] = "zstd",
                ["KAFKA_TOPIC_COMPRESSION_TYPE"] = "LZ4",
                ["KAFKA_ENABLE_AUTO_COMMIT"] = "false",
                ["KAFKA_SCHEMA_REGISTRY_URL"] = registry.Url,
                ["DEBATE_EVENTS_API_KEY"] = "0123456789abcdef",
                ["SchemaRegistry:AutoRegisterSchemas"] = "true",
            },
        };
        using var client = factory.CreateClient();

        var kafka = factory.Services.GetRequiredService<IOptions<KafkaOptions>>().Value;
        var connection = factory.Services.GetRequiredService<KafkaConnection>().Options;
        var schemaRegistry = factory.Services.GetRequiredService<SchemaRegistryOptions>();
        var topics = JsonSerializer.Deserialize<string[]>(await client.GetStringAsync(new Uri("/topics", UriKind.Relative)))!;
        using var unauthorized = await client.PostAsync(new Uri("/events/DebateInitiated", UriKind.Relative), new StringContent("{}"));
        var shown = JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/introspect", UriKind.Relative))).RootElement.GetProperty("configuration");

        Assert.Equal("127.0.0.1:1", connection.BootstrapServers);
        Assert.All(topics, t => Assert.StartsWith("env-prefix.", t, StringComparison.Ordinal));
        Assert.Equal((7, (short)2), (kafka.Partitions, kafka.ReplicationFactor));
        Assert.Equal((Confluent.Kafka.SecurityProtocol.SaslPlaintext, Confluent.Kafka.SaslMechanism.ScramSha512, "env-user", "env-password"),
            (connection.SecurityProtocol, connection.SaslMechanism, connection.SaslUsername, connection.SaslPassword));
        Assert.Equal((ca, ca, ca, "key-password", "env-client"),
            (connection.SslCaLocation, connection.SslCertificateLocation, connection.SslKeyLocation, connection.SslKeyPassword, connection.ClientId));
        Assert.Equal("env-groups.debate-processors", kafka.GroupOf("debate-processors"));
        Assert.Equal(("env-prefix.requests", "env-prefix.replies"), (kafka.RequestTopicName, kafka.ResponseTopicName));
        Assert.Equal((Confluent.Kafka.AutoOffsetReset.Latest, 123, 7000, false),
            (kafka.AutoOffsetReset, kafka.MaxBufferedRecords, kafka.SessionTimeoutMs, kafka.EnableAutoCommit));
        Assert.Equal((Confluent.Kafka.Acks.Leader, (int?)9, 65536, TimeSpan.FromMilliseconds(25), Confluent.Kafka.CompressionType.Zstd),
            (kafka.Producer.Acks, kafka.Producer.Retries, kafka.Producer.BatchSizeBytes, kafka.Producer.Linger, kafka.Producer.CompressionType));
        Assert.Equal(registry.Url, schemaRegistry.Url);
        Assert.Equal("lz4", kafka.TopicCompression);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("env-user", shown.GetProperty("Kafka:SaslUsername").GetString());
        Assert.Equal("***", shown.GetProperty("Kafka:SaslPassword").GetString());
        Assert.Equal("***", shown.GetProperty("Kafka:SslKeyPassword").GetString());
        Assert.Equal("***", shown.GetProperty("Api:Key").GetString());
        Assert.Equal("SaslPlaintext", shown.GetProperty("Kafka:SecurityProtocol").GetString());
    }

    [Theory]
    [InlineData("KAFKA_BOOTSTRAP_SERVERS", "no-port", "host:port")]
    [InlineData("KAFKA_NUM_PARTITIONS", "0", "1 to 1000")]
    [InlineData("KAFKA_REPLICATION_FACTOR", "many", "1 to 32767")]
    [InlineData("KAFKA_SECURITY_PROTOCOL", "SASL", "PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL")]
    [InlineData("KAFKA_SASL_MECHANISM", "GSSAPI", "PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER")]
    [InlineData("KAFKA_SSL_CA_LOCATION", "/nowhere/ca.pem", "an existing PEM file")]
    [InlineData("KAFKA_AUTO_OFFSET_RESET", "smallest", "earliest, latest, error")]
    [InlineData("KAFKA_SESSION_TIMEOUT_MS", "10", "1000 to 3600000")]
    [InlineData("KAFKA_ACKS", "2", "all, -1, 1, 0")]
    [InlineData("KAFKA_LINGER_MS", "-1", "0 to 900000")]
    [InlineData("KAFKA_COMPRESSION_TYPE", "brotli", "none, gzip, snappy, lz4, zstd")]
    [InlineData("KAFKA_TOPIC_COMPRESSION_TYPE", "brotli", "producer, gzip, snappy, lz4, zstd, uncompressed")]
    [InlineData("KAFKA_ENABLE_AUTO_COMMIT", "true", "auto-commit would commit records not yet processed")]
    [InlineData("KAFKA_SCHEMA_REGISTRY_URL", "registry:8081", "http(s) URLs")]
    [InlineData("DEBATE_EVENTS_API_KEY", "short", "16 characters or more")]
    [InlineData("DEBATE_EVENTS_DATABASE_PROVIDER", "mysql", "sqlite, postgres")]
    public void InvalidValue_StopsTheHost_NamingTheVariableAndWhatItAllows(string variable, string value, string allowed)
    {
        using var factory = new HostFactory { Settings = { [variable] = value } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error.GetBaseException().Message;
        Assert.Contains(variable, message, StringComparison.Ordinal);
        Assert.Contains(allowed, message, StringComparison.Ordinal);
        if (variable.Contains("PASSWORD", StringComparison.Ordinal) || variable.Contains("API_KEY", StringComparison.Ordinal))
        {
            Assert.DoesNotContain(value, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SecurityProtocol_WithoutBootstrapServers_IsRefused_BecauseTheEmbeddedClusterIsPlaintext()
    {
        using var factory = new HostFactory { Settings = { ["KAFKA_SECURITY_PROTOCOL"] = "SASL_SSL" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("embedded cluster speaks plaintext only", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ListeningBeyondLoopback_WithoutAnApiKey_IsRefused()
    {
        using var factory = new HostFactory { Settings = { ["Urls"] = "http://0.0.0.0:5080" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("DEBATE_EVENTS_API_KEY is not set", error.ToString(), StringComparison.Ordinal);
    }
}
