using DebateEvents.Kafka.Serialization;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Outbox.Tests.Publishing;

[Trait("Category", "Integration")]
public sealed class OutboxPublishTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Publish_WhenTransactionCommits_ReachesKafkaExactlyOnceAndInProcessSubscribers()
    {
        var topic = kafka.CreateTopic("debates");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        var published = new List<DebateOpened>();
        for (var i = 0; i < 40; i++)
        {
            var evt = new DebateOpened(Guid.NewGuid(), $"Question {i}?", i);
            published.Add(evt);
            await host.InUnitOfWorkAsync(async (db, publish) =>
            {
                db.Debates.Add(new DebateRow { Id = evt.DebateId, Question = evt.Question });
                await publish.Publish(evt);
            });
        }

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline,
            () => "outbox rows still undelivered");
        var records = TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList();
        Assert.Equal(40, records.Count);
        Assert.Equal(40, records.Select(r => r.EventId).Distinct().Count());
        Assert.Equal(published.Select(e => e.DebateId.ToString("D")).Order(), records.Select(r => r.Key!).Order());
        Assert.All(records, r => Assert.Equal(typeof(DebateOpened).FullName, r.EventType));
        await Eventually.Until(() => host.Received.Subscribed.Count == 40, Deadline,
            () => $"in-process subscriber saw {host.Received.Subscribed.Count} of 40");
        Assert.Equal(records.Select(r => r.EventId).Order(), host.Received.Subscribed.Order());
        Assert.Equal(40, await host.QueryAsync(db => db.Debates.CountAsync()));
    }

    [Fact]
    public async Task Publish_WhenTransactionRollsBack_DoesNotReachKafka()
    {
        var topic = kafka.CreateTopic("rollback");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        var rolledBack = new DebateOpened(Guid.NewGuid(), "Rolled back?", 1);
        await host.InScopeAsync(async (db, publish) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Debates.Add(new DebateRow { Id = rolledBack.DebateId, Question = rolledBack.Question });
            await publish.Publish(rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        var committed = new DebateOpened(Guid.NewGuid(), "Committed?", 2);
        await host.InUnitOfWorkAsync((_, publish) => publish.Publish(committed));

        await Eventually.Until(() => TopicReader.Count(kafka.Cluster.BootstrapServers, topic) >= 1, Deadline,
            () => "the committed event never reached Kafka");
        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "rows still undelivered");
        var records = TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList();
        var record = Assert.Single(records);
        Assert.Equal(committed.DebateId.ToString("D"), record.Key);
        Assert.Equal(1, await host.OutboxRowsAsync());
        Assert.Equal(0, await host.QueryAsync(db => db.Debates.CountAsync()));
    }

    [Fact]
    public async Task Publish_WhenEventCannotBeSerialized_ThrowsNamingTypeAndFieldAndWritesNothing()
    {
        var topic = kafka.CreateTopic("unserializable");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);

        var error = await Assert.ThrowsAsync<EventSerializationException>(() => host.InUnitOfWorkAsync(async (db, publish) =>
        {
            db.Debates.Add(new DebateRow { Id = Guid.NewGuid(), Question = "never saved" });
            await publish.Publish(new UnserializableEvent(Guid.NewGuid(), () => { }));
        }));

        Assert.Equal(typeof(UnserializableEvent), error.MessageType);
        Assert.Contains(nameof(UnserializableEvent), error.Message);
        Assert.Contains(nameof(UnserializableEvent.OnDelivered), error.Message);
        Assert.Equal(0, await host.OutboxRowsAsync());
        Assert.Equal(0, await host.QueryAsync(db => db.Debates.CountAsync()));
    }

    [Fact]
    public async Task Publish_WhenCallbackSetsMessageAndCorrelationIds_KafkaRecordCarriesThem()
    {
        var topic = kafka.CreateTopic("ids");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        var messageId = Guid.NewGuid();
        var correlationId = Guid.NewGuid();

        await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(Guid.NewGuid(), "ids?", 1), ctx =>
        {
            ctx.MessageId = messageId;
            ctx.CorrelationId = correlationId;
        }));

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0 && await host.OutboxRowsAsync() == 1, Deadline,
            () => "the event was not delivered");
        var record = Assert.Single(TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList());
        Assert.Equal(messageId, record.EventId);
        Assert.Equal(correlationId.ToString("D"), record.CorrelationId);
        await Eventually.Until(() => host.Received.Subscribed.Contains(messageId), Deadline,
            () => "the in-process subscriber did not see the same MessageId");
    }

    [Fact]
    public async Task Publish_WhenSavedSynchronouslyAfterCallbackSetsMessageId_KafkaRecordCarriesIt()
    {
        var topic = kafka.CreateTopic("sync-save");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        var messageId = Guid.NewGuid();
        var debateId = Guid.NewGuid();

        await host.InScopeAsync(async (db, publish) =>
        {
            db.Debates.Add(new DebateRow { Id = debateId, Question = "saved synchronously?" });
            await publish.Publish(new DebateOpened(debateId, "saved synchronously?", 1), ctx => ctx.MessageId = messageId);
            db.SaveChanges();
        });

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0 && await host.OutboxRowsAsync() == 1, Deadline,
            () => "the event was not delivered");
        var record = Assert.Single(TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList());
        Assert.Equal(messageId, record.EventId);
        Assert.Equal(debateId.ToString("D"), record.Key);
        Assert.Equal(1, await host.QueryAsync(db => db.Debates.CountAsync()));
    }

    [Fact]
    public async Task EventOutboxAdd_ReachesKafkaOnCommitWithoutInProcessDelivery()
    {
        var topic = kafka.CreateTopic("direct");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic);
        var correlationId = Guid.NewGuid();
        Guid[] eventIds;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DebateDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
            eventIds =
            [
                outbox.Add(new DebateOpened(Guid.NewGuid(), "direct?", 1), correlationId),
                await outbox.AddAsync(new DebateOpened(Guid.NewGuid(), "direct async?", 2), correlationId),
            ];
            await db.SaveChangesAsync();
        }

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0 && await host.OutboxRowsAsync() == 2, Deadline,
            () => "the events were not delivered");
        var records = TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList();
        Assert.Equal(eventIds.Order(), records.Select(r => r.EventId).Order());
        Assert.All(records, r => Assert.Equal(correlationId.ToString("D"), r.CorrelationId));
        Assert.Empty(host.Received.Subscribed);
    }
}
