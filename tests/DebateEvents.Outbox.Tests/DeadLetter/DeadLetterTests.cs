using Confluent.Kafka;
using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Tests.DeadLetter;

[Trait("Category", "Integration")]
public sealed class DeadLetterTests(KafkaClusterFixture kafka) : IClassFixture<KafkaClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Dispatcher_WhenBrokerRejectsRowPermanently_ParksItAndTheRestFlow_ThenRequeueDelivers()
    {
        var topic = kafka.CreateTopic("flowing");
        var rejectedTopic = kafka.CreateTopic("forbidden");
        var bootstrap = kafka.Cluster.BootstrapServers;
        kafka.Cluster.SetTopicError(rejectedTopic, ErrorCode.TopicAuthorizationFailed);
        await using var database = new SqliteTestDatabase();
        await using var host = await OutboxTestHost.StartAsync(database, bootstrap, topic, o =>
        {
            o.MaxAttempts = 2;
            // librdkafka remembers a topic's metadata error until its next refresh; refresh often so the fix is seen.
            o.ProducerProperties["topic.metadata.refresh.interval.ms"] = "500";
            o.Route<RejectedEvent>(rejectedTopic, e => e.Id);
        });
        var deadLetters = host.Services.GetRequiredService<IOutboxDeadLetters>();
        var rejected = new RejectedEvent(Guid.NewGuid());
        await host.InUnitOfWorkAsync((_, publish) => publish.Publish(rejected));
        for (var i = 0; i < 10; i++)
        {
            await host.InUnitOfWorkAsync((_, publish) => publish.Publish(new DebateOpened(Guid.NewGuid(), "flows", i)));
        }

        await Eventually.Until(() => TopicReader.Count(bootstrap, topic) == 10, Deadline,
            () => "the other events did not flow past the rejected one");
        await Eventually.Until(async () => (await deadLetters.ListAsync()).Count == 1, Deadline, () => "the rejected row was never parked");
        var parked = Assert.Single(await deadLetters.ListAsync());
        Assert.Equal(rejectedTopic, parked.Topic);
        Assert.Equal(rejected.Id.ToString("D"), parked.Key);
        Assert.Equal(typeof(RejectedEvent).FullName, parked.EventType);
        Assert.Equal(2, parked.Attempts);
        Assert.Contains("TopicAuthorizationFailed", parked.Error);
        Assert.Equal(0, await host.UndeliveredAsync());

        kafka.Cluster.SetTopicError(rejectedTopic, ErrorCode.NoError);
        Assert.Equal(0, TopicReader.Count(bootstrap, rejectedTopic));
        Assert.True(await deadLetters.RequeueAsync(parked.Id));
        Assert.False(await deadLetters.RequeueAsync(parked.Id));
        await Eventually.Until(async () =>
        {
            // Until the producer's metadata shows the fix, the row may be parked again: re-queue it, as an operator would.
            foreach (var again in await deadLetters.ListAsync())
            {
                await deadLetters.RequeueAsync(again.Id);
            }

            return TopicReader.Count(bootstrap, rejectedTopic) == 1;
        }, Deadline, () => "the re-queued event never reached its topic");
        var record = Assert.Single(TopicReader.ReadAll(bootstrap, rejectedTopic).Select(KafkaRecord.From).ToList());
        Assert.Equal(rejected.Id.ToString("D"), record.Key);
        Assert.Empty(await deadLetters.ListAsync());
    }
}
