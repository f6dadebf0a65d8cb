using Confluent.Kafka;
using DebateEvents.Outbox.Diagnostics;

namespace DebateEvents.Outbox.Delivery;

/// <summary>Collects the delivery reports of one batch; completes when the last row is acknowledged or failed.</summary>
internal sealed class PendingBatch(int size, TimeProvider clock, BrokerReachability reachability)
{
    private readonly OutboxDelivery[] _results = new OutboxDelivery[size];
    private readonly TaskCompletionSource<OutboxDelivery[]> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = size;

    public Task<OutboxDelivery[]> Completion => _results.Length == 0 ? Task.FromResult(_results) : _completion.Task;

    public void Complete(int index, long sequenceNumber, DeliveryReport<byte[]?, byte[]> report)
    {
        if (report.Error.IsError)
        {
            Fail(index, sequenceNumber, report.Error);
            return;
        }

        reachability.ReportDelivered();
        Set(index, new OutboxDelivery(sequenceNumber, null, clock.GetUtcNow().ToUnixTimeMilliseconds(), report.Partition.Value, report.Offset.Value));
    }

    public void Fail(int index, long sequenceNumber, Error error)
    {
        reachability.ReportError(error);
        Set(index, new OutboxDelivery(sequenceNumber, error, 0));
    }

    private void Set(int index, OutboxDelivery delivery)
    {
        _results[index] = delivery;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _completion.TrySetResult(_results);
        }
    }
}
