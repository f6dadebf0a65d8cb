using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>
/// Notes whether a dispatcher sent a batch while an earlier batch still waited for its delivery mark: marking each
/// batch before loading the next never does, so this shows marks were deferred and written together.
/// </summary>
internal sealed class MarkOrder : IOutboxDeliveryObserver
{
    private readonly Lock _gate = new();
    private int _unmarkedBatches;

    public bool SentBeforeAnEarlierBatchWasMarked { get; private set; }

    public void Sending(string instanceId, IReadOnlyList<OutboxMessage> rows)
    {
        lock (_gate)
        {
            SentBeforeAnEarlierBatchWasMarked |= _unmarkedBatches > 0;
            _unmarkedBatches++;
        }
    }

    public void Completed(string instanceId, IReadOnlyList<OutboxMessage> rows, IReadOnlyList<OutboxDelivery> results)
    {
        lock (_gate)
        {
            _unmarkedBatches--;
        }
    }
}
