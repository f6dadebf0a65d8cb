using System.Collections.Concurrent;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Delivery;

/// <summary>
/// <see cref="IOutboxDeliveries"/> over the dispatcher's delivery reports: each waiter is completed by the batch
/// that carried its event, and forgotten when it gives up.
/// </summary>
internal sealed class DeliveryWaiters : IOutboxDeliveries, IOutboxDeliveryObserver
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<DeliveredEvent?>> _waiting = new();

    public async Task<DeliveredEvent?> WaitAsync(Guid eventId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var waiter = _waiting.GetOrAdd(eventId, _ => new TaskCompletionSource<DeliveredEvent?>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
        finally
        {
            _waiting.TryRemove(eventId, out _);
        }
    }

    public void Sending(string instanceId, IReadOnlyList<OutboxMessage> rows)
    {
    }

    public void Completed(string instanceId, IReadOnlyList<OutboxMessage> rows, IReadOnlyList<OutboxDelivery> results)
    {
        if (_waiting.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (results[i].Succeeded && _waiting.TryGetValue(rows[i].EventId, out var waiter))
            {
                waiter.TrySetResult(new DeliveredEvent(rows[i].EventId, rows[i].Topic, results[i].Partition, results[i].Offset));
            }
        }
    }
}
