using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>Stamps the dispatcher's stages of sampled events: picked up, acknowledged by the broker, marked delivered.</summary>
internal sealed class E2eDispatchStamps(E2eStageLog stages) : IOutboxDeliveryObserver
{
    public void Sending(string instanceId, IReadOnlyList<OutboxMessage> rows)
    {
        foreach (var row in rows)
        {
            stages.Stamp(row.EventId, E2eStageLog.Stage.Picked);
        }
    }

    public void Completed(string instanceId, IReadOnlyList<OutboxMessage> rows, IReadOnlyList<OutboxDelivery> results)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (results[i].Succeeded)
            {
                stages.StampUnixMs(rows[i].EventId, E2eStageLog.Stage.Acked, results[i].AckedAt);
                stages.Stamp(rows[i].EventId, E2eStageLog.Stage.Marked);
            }
        }
    }
}
