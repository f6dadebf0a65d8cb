using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Storage;
using DebateEvents.Outbox.Tests.Consumers;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Inbox;

[Trait("Category", "Integration")]
public sealed class InboxTransactionTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Inbox_CommitsConsumerStateInboxEntryAndPublishedEventsTogether_AndNoneWhenTheConsumerFails()
    {
        var topic = kafka.CreateTopic("inbox");
        var bootstrap = kafka.Cluster.BootstrapServers;
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, bootstrap, topic,
            o => o.Route<DebateAcknowledged>(topic, e => e.DebateId),
            configureBus: x => x.AddConsumer<AcknowledgingConsumer>((_, c) => c.UseDebateEventsInbox()).Endpoint(e => e.Name = "acknowledging"));
        var endpoint = await host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri("queue:acknowledging"));

        var failing = new DebateOpened(Guid.NewGuid(), AcknowledgingConsumer.FailingQuestion, 1);
        var failingId = Guid.NewGuid();
        var baseline = host.Received.ConsumeFaults;
        await endpoint.Send(failing, ctx => ctx.MessageId = failingId);
        await Eventually.Until(() => host.Received.ConsumeFaults > baseline, Deadline, () => "the failing consumer never faulted");

        var succeeding = new DebateOpened(Guid.NewGuid(), "acknowledge me", 2);
        var succeedingId = Guid.NewGuid();
        var completed = host.Received.ConsumeCompleted;
        await endpoint.Send(succeeding, ctx => ctx.MessageId = succeedingId);
        await endpoint.Send(succeeding, ctx => ctx.MessageId = succeedingId);
        await Eventually.Until(() => host.Received.ConsumeCompleted >= completed + 2, Deadline,
            () => "the event and its duplicate were not both consumed");
        await Eventually.Until(() => TopicReader.Count(bootstrap, topic) >= 1, Deadline,
            () => "the acknowledgement published by the consumer never reached Kafka");
        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "rows still undelivered");

        var inbox = await host.QueryAsync(db => db.Set<InboxState>().ToListAsync());
        var entry = Assert.Single(inbox);
        Assert.Equal(succeedingId, entry.MessageId);
        Assert.Equal(typeof(AcknowledgingConsumer).FullName, entry.Consumer);
        var debate = Assert.Single(await host.QueryAsync(db => db.Debates.ToListAsync()));
        Assert.Equal(succeeding.DebateId, debate.Id);
        var record = Assert.Single(TopicReader.ReadAll(bootstrap, topic).Select(KafkaRecord.From).ToList());
        Assert.Equal(typeof(DebateAcknowledged).FullName, record.EventType);
        Assert.Equal(succeeding.DebateId.ToString("D"), record.Key);
        Assert.Equal(1, await host.OutboxRowsAsync());
    }
}
