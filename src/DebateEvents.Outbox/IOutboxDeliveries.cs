namespace DebateEvents.Outbox;

/// <summary>Waits for the broker's acknowledgement of events this process's dispatcher sends.</summary>
public interface IOutboxDeliveries
{
    /// <summary>
    /// Starts watching for <paramref name="eventId"/>; call before the event's transaction commits, then await the
    /// result. It completes with the event's topic, partition and offset once this process's dispatcher has it
    /// acknowledged, or with null after <paramref name="timeout"/> (the broker is slow or down, or another instance
    /// sharing the database sent it).
    /// </summary>
    Task<DeliveredEvent?> WaitAsync(Guid eventId, TimeSpan timeout, CancellationToken cancellationToken = default);
}
