using Confluent.Kafka;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using DebateEvents.Embedded;
using MassTransit;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.DeadLetter;

[Trait("Category", "Integration")]
public sealed class DeadLetterUnavailableTests(ITestOutputHelper output) : IDisposable
{
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 1 });
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task DeadLetterTopicUnavailable_PoisonRecordStaysUncommittedAndIsRedelivered_UntilItCanBeDeadLettered()
    {
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.Start(_cluster, output, log, (context, k) =>
        {
            k.ConfigureProducer(p =>
            {
                p.DeliveryTimeout = TimeSpan.FromMilliseconds(500);
                p.CircuitBreakDuration = TimeSpan.FromMilliseconds(200);
            });
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 1);
                e.CommitInterval = TimeSpan.FromMilliseconds(50);
                e.RedeliveryDelay = TimeSpan.FromMilliseconds(100);
                e.UseMessageRetry(r => r.Immediate(1));
                e.ConfigureConsumer<ArgumentConsumer>(context);
            });
        },
        register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        var producer = host.Producer<ArgumentMade>();
        var before = await ProducePatiently(producer, new ArgumentMade("debate-1", 0, "fine"));
        await Eventually.Until(() => TopicReader.Committed(_cluster.BootstrapServers, _group, _topic)[0] == before.Offset + 1,
            TimeSpan.FromSeconds(10), () => "the first good record was never committed");
        var deadLetterTopic = TopicNames.DeadLetter(_topic);
        _cluster.SetTopicError(deadLetterTopic, ErrorCode.TopicAuthorizationFailed);

        var poison = await ProducePatiently(producer, new ArgumentMade("debate-2", 1, "bad", Poison: true));
        await ProducePatiently(producer, new ArgumentMade("debate-3", 2, "fine"));
        var consumerAttempts = 0;
        await Eventually.Until(() => (consumerAttempts = log.PoisonAttempts) >= 6, TimeSpan.FromSeconds(15),
            () => $"the poison record was consumed {consumerAttempts} times; expected redeliveries while the dead-letter topic is down");

        Assert.Equal(poison.Offset, TopicReader.Committed(_cluster.BootstrapServers, _group, _topic)[0]);

        _cluster.SetTopicError(deadLetterTopic, ErrorCode.NoError);
        await Eventually.Until(() => TopicReader.Committed(_cluster.BootstrapServers, _group, _topic)[0] == poison.Offset + 2,
            TimeSpan.FromSeconds(10), () => "the partition was not committed past the poison record once it was dead-lettered");
        Assert.Contains(log.Succeeded, r => r.Sequence == 2);
        // Exactly one copy: none of the failed attempts left a record behind, and the successful one is there.
        var letters = TopicReader.ReadAll(_cluster.BootstrapServers, deadLetterTopic, 2, TimeSpan.FromSeconds(1));
        Assert.Equal(poison.Offset, long.Parse(Assert.Single(letters).Header(DebateEvents.Kafka.DeadLetter.DeadLetterHeaders.SourceOffset)!,
            System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Dispose() => _cluster.Dispose();

    /// <summary>
    /// The rider's producer runs with a 500 ms delivery timeout here, so dead-letter writes fail fast;
    /// on two busy cores a produce to the healthy source topic can miss that too, so try it again.
    /// </summary>
    private static async Task<DeliveryReceipt> ProducePatiently(ITopicProducer<ArgumentMade> producer, ArgumentMade message)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await producer.Produce(message);
            }
            catch (Exception ex) when (attempt < 10 && ex is ProduceException<byte[], byte[]> or ProducerCircuitOpenException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250));
            }
        }
    }
}
