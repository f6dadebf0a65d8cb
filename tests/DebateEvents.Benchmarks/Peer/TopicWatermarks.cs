using System.Diagnostics;
using Confluent.Kafka;

namespace DebateEvents.Benchmarks.Peer;

/// <summary>
/// Counts what a topic holds from its partitions' high watermarks: how the harness knows that a sender which
/// reports no acknowledgements of its own (Wolverine's buffered and durable senders) has delivered everything.
/// </summary>
internal sealed class TopicWatermarks(string bootstrapServers, string topic, int partitions) : IDisposable
{
    private readonly IConsumer<byte[], byte[]> _client = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
    {
        BootstrapServers = bootstrapServers,
        GroupId = $"watermarks-{Guid.NewGuid():N}",
    }).Build();

    public long Count()
    {
        long total = 0;
        for (var partition = 0; partition < partitions; partition++)
        {
            total += _client.QueryWatermarkOffsets(new TopicPartition(topic, partition), TimeSpan.FromSeconds(5)).High.Value;
        }

        return total;
    }

    /// <summary>Waits until the topic holds at least <paramref name="total"/> records; polls every 5 ms.</summary>
    public async Task WaitForAsync(long total, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        long seen;
        while ((seen = Count()) < total)
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"{topic} holds only {seen} of {total} records after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    public void Dispose() => _client.Dispose();
}
