using Confluent.Kafka;
using DebateEvents.Kafka;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Tests.Consumers;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Tests.Inbox;

[Trait("Category", "Integration")]
public sealed class RiderInboxEndToEndTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task OutboxToRiderTopicEndpoint_WhenRecordsAreRedelivered_RunsTheInboxConsumerOncePerEvent()
    {
        var topic = kafka.CreateTopic("end-to-end");
        var bootstrap = kafka.Cluster.BootstrapServers;
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, bootstrap, topic, configureBus: x => x.AddRider(r =>
        {
            r.AddConsumer<InboxDebateConsumer>((_, c) => c.UseDebateEventsInbox());
            r.UsingKafka((context, k) =>
            {
                k.Host(bootstrap);
                k.TopicEndpoint(topic, $"inbox-{Guid.NewGuid():N}", e => e.ConfigureConsumer<InboxDebateConsumer>(context));
            });
        }));
        var debateId = Guid.NewGuid();
        for (var i = 0; i < 10; i++)
        {
            await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(debateId, "end to end", i)));
        }

        await Eventually.Until(() => host.Received.InboxRuns.Count == 10, Deadline,
            () => $"the rider's inbox consumer ran {host.Received.InboxRuns.Count} of 10 times");

        // Redeliver every record as a broker or producer retry would: same bytes, same ce_id.
        var records = TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From).ToList();
        using (var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build())
        {
            foreach (var record in records)
            {
                var headers = new Confluent.Kafka.Headers { { "ce_id", System.Text.Encoding.UTF8.GetBytes(record.EventId.ToString("D")) } };
                headers.Add("ce_type", System.Text.Encoding.UTF8.GetBytes(record.EventType!));
                await producer.ProduceAsync(topic, new Message<byte[]?, byte[]>
                {
                    Key = System.Text.Encoding.UTF8.GetBytes(record.Key!),
                    Value = record.Value,
                    Headers = headers,
                });
            }
        }

        // Same key, so the rider handles it after the duplicates.
        var sentinel = new DebateOpened(debateId, "sentinel", 10);
        await host.InUnitOfWorkAsync((_, publish) => publish.Publish(sentinel));
        await Eventually.Until(() => host.Received.InboxRuns.Count >= 11, Deadline, () => "the sentinel event was never handled");

        Assert.Equal(21, TopicReader.Count(bootstrap, topic));
        Assert.Equal(11, host.Received.InboxRuns.Count);
        Assert.Equal(11, host.Received.InboxRuns.Distinct().Count());
        var debate = Assert.Single(await host.QueryAsync(db => db.Debates.ToListAsync()));
        Assert.Equal(11, debate.Handled);
    }
}
