using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Tests.Consumers;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;
using MassTransit.Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Publishing;

/// <summary>MassTransit's mediator next to the bus, hooked with <c>ConfigureMediator((context, cfg) =&gt; cfg.UseDebateEventsOutbox(context))</c>.</summary>
[Trait("Category", "Integration")]
public sealed class MediatorPublishTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task MediatorPublish_InUnitOfWork_CommitsOneRowWithTheStateAndReachesKafkaOnce()
    {
        var topic = kafka.CreateTopic("mediator");
        await using var database = new SqliteTestDatabase();
        await using var host = await StartAsync(database, topic);
        var closed = new DebateClosed(Guid.NewGuid(), "for");
        var eventId = Guid.Empty;

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DebateDbContext>();
            db.Debates.Add(new DebateRow { Id = closed.DebateId, Question = "Mediated?" });
            await scope.ServiceProvider.GetRequiredService<IScopedMediator>().Publish(closed, ctx => eventId = ctx.MessageId!.Value);
            Assert.Equal(0, await host.OutboxRowsAsync());
            await db.SaveChangesAsync();
        }

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "the outbox row is still undelivered");
        Assert.Equal(1, await host.OutboxRowsAsync());
        Assert.Equal(1, await host.QueryAsync(db => db.Debates.CountAsync()));
        var record = Assert.Single(TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList());
        Assert.Equal(eventId, record.EventId);
        Assert.Equal(closed.DebateId.ToString("D"), record.Key);
        Assert.Equal(typeof(DebateClosed).FullName, record.EventType);
        Assert.Equal(eventId, Assert.Single(host.Received.Mediated));
    }

    [Fact]
    public async Task MediatorPublish_WhenTransactionRollsBack_DoesNotReachKafka()
    {
        var topic = kafka.CreateTopic("mediator-rollback");
        await using var database = new SqliteTestDatabase();
        await using var host = await StartAsync(database, topic);
        var rolledBack = new DebateClosed(Guid.NewGuid(), "rolled back");
        await InScopeAsync(host, async (db, mediator) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Debates.Add(new DebateRow { Id = rolledBack.DebateId, Question = "Rolled back?" });
            await mediator.Publish(rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        var committed = new DebateClosed(Guid.NewGuid(), "committed");
        await InScopeAsync(host, async (db, mediator) =>
        {
            await mediator.Publish(committed);
            await db.SaveChangesAsync();
        });

        await Eventually.Until(() => TopicReader.Count(kafka.Cluster.BootstrapServers, topic) >= 1, Deadline,
            () => "the committed event never reached Kafka");
        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "rows still undelivered");
        var record = Assert.Single(TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList());
        Assert.Equal(committed.DebateId.ToString("D"), record.Key);
        Assert.Equal(1, await host.OutboxRowsAsync());
        Assert.Equal(0, await host.QueryAsync(db => db.Debates.CountAsync()));
    }

    [Fact]
    public async Task MediatorCommandHandler_PublishingFromItsConsumeContext_WritesTheRowInTheCallersUnitOfWork()
    {
        var topic = kafka.CreateTopic("mediator-handler");
        await using var database = new SqliteTestDatabase();
        await using var host = await StartAsync(database, topic);
        var command = new CloseDebate(Guid.NewGuid(), "against");

        await InScopeAsync(host, async (db, mediator) =>
        {
            db.Debates.Add(new DebateRow { Id = command.DebateId, Question = "Handled?" });
            await mediator.Send(command);
            Assert.Equal(0, await host.OutboxRowsAsync());
            await db.SaveChangesAsync();
        });

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "the outbox row is still undelivered");
        var record = Assert.Single(TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList());
        Assert.Equal(command.DebateId.ToString("D"), record.Key);
        Assert.Equal(typeof(DebateClosed).FullName, record.EventType);
        Assert.Equal(record.EventId, Assert.Single(host.Received.Mediated));
        Assert.Equal(1, await host.QueryAsync(db => db.Debates.CountAsync()));
    }

    [Fact]
    public async Task PublishThroughBusAndMediator_InOneUnitOfWork_IsOneRowAndOneRecordPerPublish()
    {
        var topic = kafka.CreateTopic("bus-and-mediator");
        await using var database = new SqliteTestDatabase();
        await using var host = await StartAsync(database, topic);
        var opened = new DebateOpened(Guid.NewGuid(), "On the bus?", 1);
        var closedOnBus = new DebateClosed(Guid.NewGuid(), "on the bus");
        var closedOnMediator = new DebateClosed(Guid.NewGuid(), "on the mediator");
        var ids = new Dictionary<Guid, Guid>();

        await using (var scope = host.Services.CreateAsyncScope())
        {
            var bus = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
            var mediator = scope.ServiceProvider.GetRequiredService<IScopedMediator>();
            await bus.Publish(opened, ctx => ids[opened.DebateId] = ctx.MessageId!.Value);
            await bus.Publish(closedOnBus, ctx => ids[closedOnBus.DebateId] = ctx.MessageId!.Value);
            await mediator.Publish(closedOnMediator, ctx => ids[closedOnMediator.DebateId] = ctx.MessageId!.Value);
            await scope.ServiceProvider.GetRequiredService<DebateDbContext>().SaveChangesAsync();
        }

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "outbox rows still undelivered");
        Assert.Equal(3, await host.OutboxRowsAsync());
        var records = TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList();
        Assert.Equal(ids.OrderBy(p => p.Key).Select(p => (p.Key.ToString("D"), p.Value)),
            records.Select(r => (r.Key!, r.EventId)).OrderBy(r => Guid.Parse(r.Item1)));
        await Eventually.Until(() => !host.Received.Subscribed.IsEmpty, Deadline, () => "the bus subscriber did not see its event");
        Assert.Equal(ids[opened.DebateId], Assert.Single(host.Received.Subscribed));
        Assert.Equal(ids[closedOnMediator.DebateId], Assert.Single(host.Received.Mediated));
    }

    [Fact]
    public async Task PublishOutsideAScope_ThroughSingletonMediatorOrBus_IsOneRowCommittedOnItsOwnPerPublish()
    {
        var topic = kafka.CreateTopic("unscoped");
        await using var database = new SqliteTestDatabase();
        await using var host = await StartAsync(database, topic);
        var throughMediator = new DebateClosed(Guid.NewGuid(), "singleton mediator");
        var throughBus = new DebateClosed(Guid.NewGuid(), "bus");

        await host.Services.GetRequiredService<IMediator>().Publish(throughMediator);
        Assert.Equal(1, await host.OutboxRowsAsync());
        await host.Services.GetRequiredService<IBus>().Publish(throughBus);
        Assert.Equal(2, await host.OutboxRowsAsync());

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, Deadline, () => "outbox rows still undelivered");
        var records = TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic).Select(KafkaRecord.From).ToList();
        Assert.Equal(new[] { throughMediator.DebateId, throughBus.DebateId }.Select(id => id.ToString("D")).Order(), records.Select(r => r.Key!).Order());
        Assert.Equal(2, records.Select(r => r.EventId).Distinct().Count());
    }

    private Task<OutboxTestHost> StartAsync(SqliteTestDatabase database, string topic) =>
        OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic,
            configure: o => o.Route<DebateClosed>(topic, e => e.DebateId),
            services: s => s.AddMediator(m =>
            {
                m.AddConsumer<DebateClosedMediatorConsumer>();
                m.AddConsumer<CloseDebateHandler>();
                m.ConfigureMediator((context, cfg) => cfg.UseDebateEventsOutbox(context));
            }));

    private static async Task InScopeAsync(OutboxTestHost host, Func<DebateDbContext, IScopedMediator, Task> work)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<DebateDbContext>(), scope.ServiceProvider.GetRequiredService<IScopedMediator>());
    }
}
