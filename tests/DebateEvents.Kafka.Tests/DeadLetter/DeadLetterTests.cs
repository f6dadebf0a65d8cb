using System.Globalization;
using DebateEvents.Kafka.DeadLetter;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using DebateEvents.Embedded;
using MassTransit;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.DeadLetter;

[Trait("Category", "Integration")]
public sealed class DeadLetterTests(ITestOutputHelper output) : IDisposable
{
    private const int Partitions = 3;
    private readonly EmbeddedKafkaCluster _cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = 1 });
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task PoisonRecords_GoToTheDeadLetterTopicWithFailureHeaders_WhileGoodRecordsFlowAndEveryPartitionCommitsToTheEnd()
    {
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.Start(_cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = Partitions);
                e.ConcurrentMessageLimit = 8;
                e.CommitInterval = TimeSpan.FromMilliseconds(100);
                e.UseMessageRetry(r => r.Immediate(2));
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));
        var produced = new List<(ArgumentMade Message, DeliveryReceipt Receipt)>();
        for (var i = 0; i < 60; i++)
        {
            var message = new ArgumentMade($"debate-{i % 6}", i, $"point {i}", Poison: i % 7 == 3);
            produced.Add((message, await host.Producer<ArgumentMade>().Produce(message)));
        }

        var unknown = await RawRecords.Produce(_cluster.BootstrapServers, _topic, "debate-1", "{}", "zamaz.NoSuchEvent");
        var garbage = await RawRecords.Produce(_cluster.BootstrapServers, _topic, "debate-2", "{not json", typeof(ArgumentMade).FullName);
        var poison = produced.Where(p => p.Message.Poison).ToList();
        var good = produced.Count - poison.Count;

        await Eventually.Until(() => log.Succeeded.Count >= good, TimeSpan.FromSeconds(30),
            () => $"expected {good} good records processed, saw {log.Succeeded.Count}");
        var deadLetters = TopicReader.ReadAll(_cluster.BootstrapServers, TopicNames.DeadLetter(_topic), poison.Count + 2, TimeSpan.FromSeconds(20));

        Assert.Equal(poison.Count + 2, deadLetters.Count);
        Assert.Equal(produced.Where(p => !p.Message.Poison).Select(p => p.Message.Sequence).Order(), log.Succeeded.Select(s => s.Sequence).Order());
        var originals = TopicReader.ReadAll(_cluster.BootstrapServers, _topic, produced.Count + 2, TimeSpan.FromSeconds(10))
            .ToDictionary(r => (r.Partition, r.Offset));
        foreach (var letter in deadLetters)
        {
            var sourcePartition = int.Parse(letter.Header(DeadLetterHeaders.SourcePartition)!, CultureInfo.InvariantCulture);
            var sourceOffset = long.Parse(letter.Header(DeadLetterHeaders.SourceOffset)!, CultureInfo.InvariantCulture);
            var original = originals[(sourcePartition, sourceOffset)];
            Assert.Equal(original.Key, letter.Key);
            Assert.Equal(original.Value, letter.Value);
            foreach (var header in original.Headers)
            {
                Assert.Equal(header.GetValueBytes(), letter.Headers.GetLastBytes(header.Key));
            }

            Assert.Equal(_topic, letter.Header(DeadLetterHeaders.SourceTopic));
            Assert.Equal(_group, letter.Header(DeadLetterHeaders.ConsumerGroup));
            Assert.True(DateTimeOffset.TryParse(letter.Header(DeadLetterHeaders.FailedAt), CultureInfo.InvariantCulture, out _));
            Assert.InRange(letter.Header(DeadLetterHeaders.ExceptionStackTrace)!.Length, 0, DeadLetterHeaders.MaxStackTraceLength);
        }

        var byOffset = deadLetters.ToDictionary(d => (
            int.Parse(d.Header(DeadLetterHeaders.SourcePartition)!, CultureInfo.InvariantCulture),
            long.Parse(d.Header(DeadLetterHeaders.SourceOffset)!, CultureInfo.InvariantCulture)));
        foreach (var (message, receipt) in poison)
        {
            var letter = byOffset[(receipt.Partition, receipt.Offset)];
            Assert.Equal(DeadLetterHeaders.ReasonConsumerFaulted, letter.Header(DeadLetterHeaders.Reason));
            Assert.Equal(typeof(InvalidDataException).FullName, letter.Header(DeadLetterHeaders.ExceptionType));
            Assert.Equal($"Poison argument {message.DebateId}#{message.Sequence}", letter.Header(DeadLetterHeaders.ExceptionMessage));
            Assert.Equal("3", letter.Header(DeadLetterHeaders.Attempts));
            Assert.Contains(nameof(ArgumentConsumer), letter.Header(DeadLetterHeaders.ExceptionStackTrace), StringComparison.Ordinal);
        }

        Assert.Equal(DeadLetterHeaders.ReasonUnknownType, byOffset[(unknown.Partition.Value, unknown.Offset.Value)].Header(DeadLetterHeaders.Reason));
        Assert.Equal("0", byOffset[(unknown.Partition.Value, unknown.Offset.Value)].Header(DeadLetterHeaders.Attempts));
        Assert.Equal(DeadLetterHeaders.ReasonUndeserializable, byOffset[(garbage.Partition.Value, garbage.Offset.Value)].Header(DeadLetterHeaders.Reason));

        var ends = TopicReader.HighWatermarks(_cluster.BootstrapServers, _topic);
        await Eventually.Until(() => TopicReader.Committed(_cluster.BootstrapServers, _group, _topic).SequenceEqual(ends),
            TimeSpan.FromSeconds(10),
            () => $"committed {Describe(TopicReader.Committed(_cluster.BootstrapServers, _group, _topic))}, ends {Describe(ends)}");
        Assert.True(await host.Harness.Published.Any<KafkaRecordDeadLettered>(), "no KafkaRecordDeadLettered event was published");
        Assert.Equal(poison.Count + 2, host.Harness.Published.Select<KafkaRecordDeadLettered>().Count());
    }

    public void Dispose() => _cluster.Dispose();

    private static string Describe(Dictionary<int, long> offsets) => string.Join(", ", offsets.Select(o => $"{o.Key}:{o.Value}"));
}
