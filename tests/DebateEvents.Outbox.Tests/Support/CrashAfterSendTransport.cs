using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>Lets the first batch reach the broker, then kills the dispatcher before it can mark the rows delivered.</summary>
internal sealed class CrashAfterSendTransport(IOutboxTransport inner, Action crash) : IOutboxTransport
{
    private int _batches;

    public int BatchesSent => Volatile.Read(ref _batches);

    public async Task<OutboxDelivery[]> SendAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var results = await inner.SendAsync(rows, cancellationToken);
        Interlocked.Increment(ref _batches);
        crash();
        return results;
    }
}
