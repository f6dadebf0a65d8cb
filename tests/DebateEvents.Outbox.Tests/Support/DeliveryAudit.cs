using System.Collections.Concurrent;
using System.Diagnostics;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>Records which instance sent which row when, to prove no row had two senders at once.</summary>
internal sealed class DeliveryAudit : IOutboxDeliveryObserver
{
    private readonly ConcurrentDictionary<(string Instance, long Sequence), long> _inFlight = new();

    public ConcurrentBag<(string Instance, long Sequence, long Start, long End)> Sends { get; } = [];

    public void Sending(string instanceId, IReadOnlyList<OutboxMessage> rows)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var row in rows)
        {
            _inFlight[(instanceId, row.SequenceNumber)] = now;
        }
    }

    public void Completed(string instanceId, IReadOnlyList<OutboxMessage> rows, IReadOnlyList<OutboxDelivery> results)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var row in rows)
        {
            if (_inFlight.TryRemove((instanceId, row.SequenceNumber), out var start))
            {
                Sends.Add((instanceId, row.SequenceNumber, start, now));
            }
        }
    }

    /// <summary>A killed instance sends nothing more: its open sends end now.</summary>
    public void InstanceKilled(string instanceId)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var open in _inFlight.Keys.Where(k => k.Instance == instanceId).ToList())
        {
            if (_inFlight.TryRemove(open, out var start))
            {
                Sends.Add((instanceId, open.Sequence, start, now));
            }
        }
    }
}
