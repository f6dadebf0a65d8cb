namespace DebateEvents.Testing.Drills;

/// <summary>
/// One POST the load made. <paramref name="EventId"/> is set when the host answered 202, the promise under
/// test; null when the host died with the request in flight, so the event may or may not have been committed.
/// </summary>
/// <param name="Type">The event type posted.</param>
/// <param name="DebateId">The debate it belongs to (its key on the debate topic).</param>
/// <param name="SubjectId">The debate's or the decision's id.</param>
/// <param name="EventId">The id the host gave the event, when it accepted it.</param>
public sealed record PostedEvent(string Type, Guid DebateId, Guid SubjectId, Guid? EventId)
{
    /// <summary>True when the host answered 202.</summary>
    public bool Accepted => EventId is not null;
}
