using System.Collections.Concurrent;
using System.Diagnostics;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>Broker acknowledgement time (Unix ms) of every delivered event.</summary>
internal sealed class OutboxAckLog : IOutboxDeliveryObserver
{
    private int _count;

    public ConcurrentDictionary<Guid, double> AckedAt { get; } = new();

    public void Sending(string instanceId, IReadOnlyList<OutboxMessage> rows)
    {
    }

    public void Completed(string instanceId, IReadOnlyList<OutboxMessage> rows, IReadOnlyList<OutboxDelivery> results)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (results[i].Succeeded && AckedAt.TryAdd(rows[i].EventId, results[i].AckedAt))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }

    public async Task WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref _count) < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {_count} of {count} events were acknowledged within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(1, cancellationToken);
        }
    }
}
