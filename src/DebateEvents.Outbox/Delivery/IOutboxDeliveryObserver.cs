using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Delivery;

/// <summary>Sees each batch a dispatcher sends and its outcome; used by tests and the benchmark to time and audit delivery.</summary>
internal interface IOutboxDeliveryObserver
{
    void Sending(string instanceId, IReadOnlyList<OutboxMessage> rows);

    void Completed(string instanceId, IReadOnlyList<OutboxMessage> rows, IReadOnlyList<OutboxDelivery> results);
}
