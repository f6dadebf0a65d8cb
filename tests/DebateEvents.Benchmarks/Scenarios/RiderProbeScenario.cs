using System.Diagnostics;
using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace DebateEvents.Benchmarks.Scenarios;

internal static class RiderProbeScenario
{
    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var topic = "probe-" + Guid.NewGuid().ToString("N");
        cluster.CreateTopic(topic, 16);
        using (var p = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers, LingerMs = 5 }).Build())
        {
            var payload = new byte[300];
            for (var i = 0; i < 100_000; i++)
            {
                while (true)
                {
                    try { p.Produce(topic, new Message<byte[]?, byte[]> { Key = BitConverter.GetBytes(i % 1000), Value = payload }); break; }
                    catch (ProduceException<byte[]?, byte[]>) { p.Poll(TimeSpan.FromMilliseconds(10)); }
                }
            }
            p.Flush();
        }

        var processor = new CountingProcessor(100_000);
        var settings = new TopicConsumerSettings
        {
            ConsumerConfig = new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "g" + Guid.NewGuid().ToString("N"), EnableAutoCommit = false, AutoOffsetReset = AutoOffsetReset.Earliest },
            Topics = [topic],
            ConcurrentMessageLimit = 16,
        };
        using var metrics = new RiderMetrics();
        var consumer = new TopicConsumer(settings, processor, metrics, NullLogger.Instance);
        consumer.Start();
        while (processor.Count == 0) await Task.Delay(1);
        var watch = Stopwatch.StartNew();
        var start = processor.Count;
        await processor.Done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var rate = (100_000 - start) / watch.Elapsed.TotalSeconds;
        await consumer.Stop(CancellationToken.None);
        return $"RESULT riderprobe core_consume={rate:0}";
    }

    private sealed class CountingProcessor(int expected) : IRecordProcessor
    {
        private int _count;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Count => Volatile.Read(ref _count);
        public TimeSpan DueIn(ConsumeResult<byte[]?, byte[]> result) => TimeSpan.Zero;
        public Task<RecordOutcome> Process(ConsumeResult<byte[]?, byte[]> result, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _count) == expected) Done.TrySetResult();
            return Task.FromResult(RecordOutcome.Completed);
        }
    }
}
