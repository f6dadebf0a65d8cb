using Confluent.Kafka;
using Confluent.Kafka.Admin;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Provisioning;
using DebateEvents.Kafka.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace DebateEvents.Kafka.Tests.Provisioning;

/// <summary>
/// The admin-client provisioner against the real Confluent admin client over TCP; the embedded cluster has
/// no CreateTopics API, so <see cref="AdminProtocolBroker"/> plays the broker.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AdminClientProvisioningTests : IAsyncLifetime
{
    private const long Week = 7 * 86_400_000L;
    private const long Month = 30 * 86_400_000L;
    private const short ReplicationFactor = 2;

    private readonly AdminProtocolBroker _broker = AdminProtocolBroker.Start();
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task EnsureTopic_SendsCreateTopicsWithPartitionsReplicationAndConfigs()
    {
        var definitions = TopicProvisioning.Expand(_topic, new KafkaTopicOptions
        {
            NumPartitions = 3,
            ReplicationFactor = ReplicationFactor,
            RetentionMs = Week,
            CleanupPolicy = "compact",
            CompressionType = "zstd",
            DeadLetterPartitions = 2,
            DeadLetterRetentionMs = Month,
        });
        using var provisioner = Provisioner();

        foreach (var definition in definitions)
        {
            await provisioner.EnsureTopic(definition, _deadline.Token);
        }

        Assert.Empty(_broker.UnansweredRequests);
        Assert.Collection(
            _broker.TopicRequests,
            main => AssertRequest(main, _topic, 3, new() { ["cleanup.policy"] = "compact", ["retention.ms"] = "604800000", ["compression.type"] = "zstd" }),
            retry => AssertRequest(retry, _topic + ".retry", 3, new() { ["cleanup.policy"] = "delete", ["retention.ms"] = "604800000", ["compression.type"] = "zstd" }),
            deadLetter => AssertRequest(deadLetter, _topic + ".dead-letter", 2,
                new() { ["cleanup.policy"] = "delete", ["retention.ms"] = "2592000000" }));
    }

    [Fact]
    public async Task EnsureTopic_WhenTopicExists_Succeeds()
    {
        var definition = new TopicDefinition(_topic, 3, 1, new Dictionary<string, string> { ["cleanup.policy"] = "delete" });
        using var provisioner = Provisioner();

        await provisioner.EnsureTopic(definition, _deadline.Token);
        await provisioner.EnsureTopic(definition, _deadline.Token);

        Assert.Empty(_broker.UnansweredRequests);
        Assert.Equal(
            [(_topic, ErrorCode.NoError), (_topic, ErrorCode.TopicAlreadyExists)],
            _broker.TopicRequests.Select(r => (r.Name, r.Answer)));
    }

    [Fact]
    public async Task EnsureTopic_WhenBrokerRejects_ThrowsWithTheBrokerReason()
    {
        const string Reason = "Replication factor 1 is below the policy minimum of 3";
        _broker.RejectTopic(_topic, ErrorCode.PolicyViolation, Reason);
        var definition = new TopicDefinition(_topic, 3, 1, new Dictionary<string, string> { ["cleanup.policy"] = "delete" });
        using var provisioner = Provisioner();

        var exception = await Assert.ThrowsAsync<CreateTopicsException>(() => provisioner.EnsureTopic(definition, _deadline.Token));

        var result = Assert.Single(exception.Results);
        Assert.Equal(_topic, result.Topic);
        Assert.Equal(ErrorCode.PolicyViolation, result.Error.Code);
        Assert.Equal(Reason, result.Error.Reason);
        Assert.Equal(ErrorCode.PolicyViolation, Assert.Single(_broker.TopicRequests).Answer);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        _deadline.Dispose();
    }

    private AdminClientTopicProvisioner Provisioner() =>
        new(new AdminClientConfig { BootstrapServers = _broker.BootstrapServers }, NullLogger.Instance);

    private static void AssertRequest(TopicRequest request, string name, int partitions, Dictionary<string, string?> configs)
    {
        Assert.Equal(name, request.Name);
        Assert.Equal(partitions, request.Partitions);
        Assert.Equal(ReplicationFactor, request.ReplicationFactor);
        Assert.Equal(configs.OrderBy(c => c.Key, StringComparer.Ordinal), request.Configs.OrderBy(c => c.Key, StringComparer.Ordinal));
        Assert.Equal(ErrorCode.NoError, request.Answer);
    }
}
