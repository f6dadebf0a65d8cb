using System.Collections;
using System.Text.Json;
using DebateEvents.Embedded;
using DebateEvents.Host.Configuration;
using DebateEvents.Outbox.Tests.Support;
using DebateEvents.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Host.Tests.Database;

/// <summary>
/// Two hosts on one PostgreSQL database and one Kafka cluster share the work: the consumer groups split the partitions,
/// the outbox's bucket leases split the rows, and every event is handled exactly once.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedPostgresTests
{
    private const int Partitions = 4;
    private const int EventsPerWave = 24;

    [Fact]
    public async Task TwoHosts_OnOneDatabaseAndCluster_ShareConsumingAndDispatching_AndHandleEveryEventOnce()
    {
        using var cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 1 });
        await using var registry = await EmbeddedSchemaRegistry.StartAsync();
        await using var database = PostgresTestDatabase.Create();
        var prefix = UniqueNames.For("shared");
        var kafka = new KafkaOptions { TopicPrefix = prefix };
        foreach (var topic in DomainTopics.Names(prefix).Concat(DomainTopics.RequestResponse(kafka)))
        {
            cluster.CreateTopic(topic, Partitions, 1);
        }

        await using var first = Host(cluster, registry, database, prefix);
        using var firstClient = first.CreateClient();
        await using var second = Host(cluster, registry, database, prefix);
        using var secondClient = second.CreateClient();
        var debateTopic = $"{prefix}.debate-events";
        await Eventually.Until(async () => await Assigned(first, prefix) > 0 && await Assigned(second, prefix) > 0
                && await Assigned(first, prefix) + await Assigned(second, prefix) == Partitions
                && await HostTables.Count(first.Services, "SELECT COUNT(DISTINCT owner) AS \"Value\" FROM outbox_lease WHERE owner IS NOT NULL") == 2,
            TimeSpan.FromSeconds(120), () => $"both hosts holding debate-events partitions and outbox buckets: partitions {Assigned(first, prefix).Result}"
                + $" and {Assigned(second, prefix).Result}, lease owners {HostTables.Count(first.Services, "SELECT COUNT(DISTINCT owner) AS \"Value\" FROM outbox_lease WHERE owner IS NOT NULL").Result}");

        var ids = new List<Guid>();
        for (var i = 0; i < EventsPerWave * 2; i++)
        {
            ids.Add(await DatabaseProviderTests.PostDebate(i % 2 == 0 ? firstClient : secondClient));
        }

        const string debateInbox = "SELECT COUNT(*) AS \"Value\" FROM outbox_inbox_state WHERE consumer = 'DebateEvents.Host.Processors.DebateEventProcessor'";
        await Eventually.Until(async () => await HostTables.Count(first.Services, debateInbox) == ids.Count,
            TimeSpan.FromSeconds(60), () => $"{ids.Count} inbox entries of the debate processor");
        var (firstStats, secondStats) = (await Stats(firstClient), await Stats(secondClient));
        var inDatabase = await HostTables.Count(first.Services, "SELECT COUNT(*) AS \"Value\" FROM \"Debates\"");
        var undelivered = await HostTables.Count(first.Services, "SELECT COUNT(*) AS \"Value\" FROM outbox_message WHERE delivered_at IS NULL");

        Assert.Equal(ids.Count, inDatabase);
        Assert.Equal(0, undelivered);
        Assert.Equal(ids.Count, TopicReader.Count(cluster.BootstrapServers, debateTopic));
        Assert.Equal(ids.Count, await HostTables.Count(first.Services, debateInbox));
        Assert.Equal(ids.Count, Delivered(firstStats) + Delivered(secondStats));
        Assert.Equal(ids.Count, Processed(firstStats, debateTopic) + Processed(secondStats, debateTopic));
        Assert.All(new[] { firstStats, secondStats }, s => Assert.True(Delivered(s) > 0 && Processed(s, debateTopic) > 0,
            $"each host dispatches and consumes some events: {s}"));
    }

    private static HostFactory Host(EmbeddedKafkaCluster cluster, EmbeddedSchemaRegistry registry, PostgresTestDatabase database, string prefix) => new()
    {
        Settings =
        {
            ["KAFKA_BOOTSTRAP_SERVERS"] = cluster.BootstrapServers,
            ["KAFKA_SCHEMA_REGISTRY_URL"] = registry.Url,
            ["SchemaRegistry:AutoRegisterSchemas"] = "true",
            ["KAFKA_TOPIC_PREFIX"] = prefix,
            ["KAFKA_GROUP_ID"] = prefix,
            ["KAFKA_NUM_PARTITIONS"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The test made the topics; the embedded cluster does not answer the admin API the host would create them with.
            ["Kafka:CreateTopics"] = "false",
            // A member the group waits for at a rebalance (the second host joining six groups) is given up on sooner.
            ["KAFKA_SESSION_TIMEOUT_MS"] = "6000",
            ["DEBATE_EVENTS_DATABASE_PROVIDER"] = "postgres",
            ["DEBATE_EVENTS_DATABASE_CONNECTION"] = database.ConnectionString,
            // Short leases: the second host gets its share of the buckets within a second or two.
            ["DebateEvents:Outbox:LeaseDuration"] = "00:00:03",
        },
    };

    private static async Task<int> Assigned(HostFactory host, string prefix)
    {
        var name = $"kafka-endpoint:kafka/{prefix}.debate-events/{prefix}.debate-processors";
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == name);
        return report.Entries.Values.Select(e => e.Data.GetValueOrDefault("assigned_partitions")).Sum(v => v switch
        {
            int count => count,
            ICollection partitions => partitions.Count,
            _ => 0,
        });
    }

    private static async Task<JsonElement> Stats(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/stats", UriKind.Relative))).RootElement;

    private static long Delivered(JsonElement stats) => stats.GetProperty("outbox").GetProperty("delivered").GetInt64();

    private static long Processed(JsonElement stats, string topic) =>
        stats.GetProperty("topics").TryGetProperty(topic, out var counts) ? counts.GetProperty("processed").GetInt64() : 0;
}
