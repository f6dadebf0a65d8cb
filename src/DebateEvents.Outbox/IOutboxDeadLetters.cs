namespace DebateEvents.Outbox;

/// <summary>Lists and re-queues outbox events parked after permanent broker rejections; the host exposes this to operators.</summary>
public interface IOutboxDeadLetters
{
    /// <summary>The parked events, oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ParkedEvent>> ListAsync(int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a parked event back into the outbox with its original bytes, behind every event already
    /// waiting, and wakes the dispatcher. Returns false when no parked event has that id.
    /// </summary>
    Task<bool> RequeueAsync(long id, CancellationToken cancellationToken = default);
}
