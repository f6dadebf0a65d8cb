using System.Net;
using DebateEvents.Embedded;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Health;
using DebateEvents.Kafka.Tests.Support;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Tests;

/// <summary>One connection description reaches every Kafka client the host builds, shown against a broker that demands SASL/PLAIN.</summary>
[Trait("Category", "Integration")]
public sealed class SecuredClusterTests
{
    private const short CreateTopics = 19;
    private const short FindCoordinator = 10;
    private const short InitProducerId = 22;
    private const short Metadata = 3;

    [Fact]
    public async Task EveryKafkaClient_AuthenticatesWithTheConfiguredSaslCredentials_BeforeAnyOtherRequest()
    {
        await using var broker = AdminProtocolBroker.Start();
        broker.RequireSaslPlain("bridge", "s3cret");
        await using var registry = await EmbeddedSchemaRegistry.StartAsync();
        await using var factory = Secured(broker, registry, password: "s3cret");
        using var client = factory.CreateClient();

        var kafkaCheck = await KafkaCheckOnceReported(client);
        // An accepted event gives the outbox's producer, which is built on first use, something to send.
        using var accepted = await client.PostAsync(new Uri("/events/MetricRecorded", UriKind.Relative), new StringContent(
            """{"name":"secured","value":1,"tags":{},"occurredAt":"2026-11-30T00:00:00Z"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // Admin (topic provisioning and the health check), the topic endpoints' consumers, and both idempotent
        // producers (the rider's and the outbox's) each reach the broker; none sends a request unauthenticated.
        await WaitUntil(() => Sent(broker, CreateTopics) >= 1 && Sent(broker, FindCoordinator) >= 5 && Sent(broker, InitProducerId) >= 2 && Sent(broker, Metadata) >= 1,
            () => $"requests after authentication: {Describe(broker)}");
        Assert.All(broker.Connections.Where(c => !c.Requests.IsEmpty), c => Assert.Empty(c.Unauthenticated));
        // The domain topics are created with their retention and the configured compression.
        var debates = broker.TopicRequests.First(t => t.Name == "zamaz-debate.debate-events");
        Assert.Equal(("zstd", "604800000"), (debates.Configs["compression.type"], debates.Configs["retention.ms"]));
        Assert.All(broker.Connections.Where(c => c.Requests.Any(k => k is CreateTopics or FindCoordinator or InitProducerId or Metadata)),
            c => Assert.Equal("bridge", c.User));
        Assert.Equal("Healthy", kafkaCheck);
    }

    [Fact]
    public async Task WrongPassword_IsRefusedByTheBroker_AndTheKafkaCheckIsUnhealthy()
    {
        await using var broker = AdminProtocolBroker.Start();
        broker.RequireSaslPlain("bridge", "s3cret");
        await using var registry = await EmbeddedSchemaRegistry.StartAsync();
        await using var factory = Secured(broker, registry, password: "wrong");
        using var client = factory.CreateClient();

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains(broker.Connections, c => c.Attempts.Contains("bridge"));
        Assert.All(broker.Connections, c => Assert.Null(c.User));
    }

    [Fact]
    public async Task TheOutboxProducerAndTheHealthCheck_AreBuiltFromTheRidersConnection()
    {
        var ca = Path.Combine(Path.GetTempPath(), $"ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(ca, SelfSignedCertificatePem());
        await using var registry = await EmbeddedSchemaRegistry.StartAsync();
        await using var factory = new HostFactory
        {
            Settings =
            {
                // Port 1 on loopback: nothing listens, so no client gets far; only how each was built matters here.
                ["Kafka:BootstrapServers"] = "127.0.0.1:1",
                ["SchemaRegistry:Url"] = registry.Url,
                ["SchemaRegistry:AutoRegisterSchemas"] = "true",
                ["Kafka:SecurityProtocol"] = "SaslSsl",
                ["Kafka:SaslMechanism"] = "ScramSha512",
                ["Kafka:SaslUsername"] = "bridge",
                ["Kafka:SaslPassword"] = "s3cret",
                ["Kafka:SslCaLocation"] = ca,
                ["Kafka:ClientId"] = "bridge-1",
                ["Kafka:Properties:socket.keepalive.enable"] = "true",
            },
        };

        var connection = factory.Services.GetRequiredService<KafkaConnection>();
        var outbox = factory.Services.GetRequiredService<IOptions<DebateEventsOutboxOptions>>().Value.Connection;
        var admin = KafkaHealthCheck.AdminConfig(connection);

        Assert.Same(connection.Options, outbox);
        Assert.Equal(connection.BootstrapServers, admin.BootstrapServers);
        Assert.Equal((Confluent.Kafka.SecurityProtocol.SaslSsl, Confluent.Kafka.SaslMechanism.ScramSha512, "bridge", "s3cret", ca, "bridge-1"),
            (admin.SecurityProtocol, admin.SaslMechanism, admin.SaslUsername, admin.SaslPassword, admin.SslCaLocation, admin.ClientId));
        Assert.Equal("true", admin.Get("socket.keepalive.enable"));
    }

    /// <summary>The kafka check's status from <c>/health</c>, asked until the response carries it.</summary>
    private static async Task<string?> KafkaCheckOnceReported(HttpClient client)
    {
        string? status = null;
        await WaitUntil(async () =>
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            status = body.TryGetProperty("checks", out var checks) && checks.TryGetProperty("kafka", out var kafka)
                ? kafka.GetProperty("status").GetString()
                : null;
            return status == "Healthy";
        }, () => $"the kafka check Healthy in /health (last: {status ?? "absent"})");
        return status;
    }

    private static string SelfSignedCertificatePem()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=test-ca", key,
            System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }

    private static HostFactory Secured(AdminProtocolBroker broker, EmbeddedSchemaRegistry registry, string password) => new()
    {
        Settings =
        {
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Kafka:SecurityProtocol"] = "SaslPlaintext",
            ["Kafka:SaslMechanism"] = "Plain",
            ["Kafka:SaslUsername"] = "bridge",
            ["Kafka:SaslPassword"] = password,
            ["SchemaRegistry:Url"] = registry.Url,
            ["SchemaRegistry:AutoRegisterSchemas"] = "true",
            ["KAFKA_TOPIC_COMPRESSION_TYPE"] = "zstd",
        },
    };

    private static int Sent(AdminProtocolBroker broker, short apiKey) =>
        broker.Connections.Count(c => c.User is not null && c.Requests.Contains(apiKey));

    private static string Describe(AdminProtocolBroker broker) =>
        string.Join("; ", broker.Connections.Select(c => $"{c.User ?? "anonymous"}: {string.Join(",", c.Requests)}"));

    private static Task WaitUntil(Func<bool> condition, Func<string> what) => Eventually.Until(condition, TimeSpan.FromSeconds(30), what);

    private static Task WaitUntil(Func<Task<bool>> condition, Func<string> what) => Eventually.Until(condition, TimeSpan.FromSeconds(30), what);
}
