using System.Collections.Concurrent;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.Delivery;

/// <summary>Acknowledged batches waiting for one shared mark transaction, and the loads that read past them.</summary>
public sealed class DeferredMarksTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    [Fact]
    public void Batches_ComeBackAsTheyWereSent_AndTheMarkIsDueAtTheRowLimit()
    {
        var marks = new DeferredMarks();
        marks.Add([Row(1), Row(2)], [Acked(1), Acked(2)]);
        Assert.False(marks.IsDue(maxRows: 3));

        marks.Add([Row(3)], [Acked(3)]);

        Assert.True(marks.IsDue(maxRows: 3));
        Assert.Equal([1L, 2, 3], marks.SequenceNumbers.Order());
        Assert.Equal([[1L, 2], [3L]], marks.Batches().Select(b => b.Rows.Select(r => r.SequenceNumber).ToArray()));
        Assert.Equal([1L, 2, 3], marks.All().Results.Select(r => r.SequenceNumber));
        marks.Clear();
        Assert.Empty(marks.SequenceNumbers);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task LoadBatch_LeavesOutRowsWaitingForTheirMark_AndStillFillsTheBatch()
    {
        var topic = kafka.CreateTopic("deferred-marks");
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic, o =>
        {
            o.EnableDispatcher = false;
            o.BatchSize = 2;
        });
        for (var i = 0; i < 5; i++)
        {
            await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(Guid.NewGuid(), "deferred", i)));
        }

        var store = host.Services.GetRequiredService<OutboxStore>();
        var pending = await host.QueryAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).Select(m => m.SequenceNumber).ToListAsync());
        var batch = await host.QueryAsync(db => store.LoadBatchAsync(db, null, 0, new HashSet<long>(pending.Take(2)), CancellationToken.None));

        Assert.Equal(pending.Skip(2).Take(2), batch.Select(r => r.SequenceNumber));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Dispatcher_QueuedBehindBusyWriters_MarksSeveralBatchesTogether_AndSendsEveryRowOnce()
    {
        var topic = kafka.CreateTopic("deferred-dispatch");
        var order = new MarkOrder();
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, kafka.Cluster.BootstrapServers, topic, o => o.BatchSize = 50,
            services => services.AddSingleton<IOutboxDeliveryObserver>(order));
        using var stop = new CancellationTokenSource();

        // Another writer keeps SQLite's one write slot busy 4 ms at a time, so the dispatcher's marks queue behind it.
        var busyWriter = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await host.QueryAsync(async db =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    Thread.Sleep(4);
                    await transaction.CommitAsync();
                    return 0;
                });
                await Task.Delay(1);
            }
        });
        var published = new ConcurrentBag<Guid>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            // A steady trickle, so the dispatcher keeps finding a few new rows after each send.
            for (var i = 0; i < 250 && !order.SentBeforeAnEarlierBatchWasMarked; i++)
            {
                var debate = Guid.NewGuid();
                published.Add(debate);
                await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(debate, "deferred", i)));
                await Task.Delay(2);
            }
        })));

        await stop.CancelAsync();
        await busyWriter;

        await Eventually.Until(async () => await host.UndeliveredAsync() == 0, TimeSpan.FromSeconds(30), () => "rows left without their mark");
        Assert.True(order.SentBeforeAnEarlierBatchWasMarked, "the dispatcher marked every batch before loading the next");
        var records = TopicReader.ReadAll(kafka.Cluster.BootstrapServers, topic, published.Count, TimeSpan.FromSeconds(20));
        Assert.Equal(published.Order(), records.Select(r => Guid.Parse(KafkaRecord.From(r).Key!)).Order());
    }

    private static OutboxMessage Row(long sequence) => new() { SequenceNumber = sequence, OrderingKey = $"k{sequence}" };

    private static OutboxDelivery Acked(long sequence) => new(sequence, null, 1);
}
