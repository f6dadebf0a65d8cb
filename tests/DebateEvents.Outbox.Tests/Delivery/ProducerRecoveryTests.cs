using Confluent.Kafka;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using DebateEvents.Outbox.Diagnostics;
using DebateEvents.Embedded;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Delivery;

/// <summary>
/// A record the broker rejects stops the outbox producer (gapless guarantee); a new one must take over.
/// Its own cluster: injected request errors are cluster-wide, so no other test may produce meanwhile.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProducerRecoveryTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task Dispatcher_WhenTheBrokerRejectsARecordOnce_ReplacesTheProducerAndDeliversEveryRow()
    {
        var topic = kafka.CreateTopic("fatal");
        var bootstrap = kafka.Cluster.BootstrapServers;
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, bootstrap, topic, o =>
        {
            o.ProducerProperties["batch.num.messages"] = "1";
            o.Linger = TimeSpan.Zero;
        });
        await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(Guid.NewGuid(), "warm-up", -1)));
        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "warm-up event not delivered");

        kafka.Cluster.PushRequestErrors(KafkaApiKey.Produce, ErrorCode.InvalidRecord);
        var key = Guid.NewGuid();
        await host.InUnitOfWorkAsync(async (_, publish) =>
        {
            for (var i = 0; i < 5; i++)
            {
                await publish.Publish(new DebateOpened(key, "fatal", i));
            }
        });

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline,
            () => "rows still undelivered after the producer stopped on the rejected record");
        Assert.Equal(1, host.Services.GetRequiredService<OutboxMetrics>().ProducerRestarts);
        var sequences = TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From).ToList()
            .Where(r => r.Key == key.ToString())
            .Select(r => System.Text.Json.JsonSerializer.Deserialize<DebateOpened>(r.Value, System.Text.Json.JsonSerializerOptions.Web)!.Sequence)
            .Distinct()
            .Order();
        Assert.Equal([0, 1, 2, 3, 4], sequences);
    }
}
