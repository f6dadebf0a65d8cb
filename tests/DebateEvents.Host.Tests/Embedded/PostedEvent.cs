namespace DebateEvents.Host.Tests.Embedded;

/// <summary>
/// One POST the load made. <paramref name="EventId"/> is set when the host answered 202, the promise under
/// test; null when the host died with the request in flight, so the event may or may not have been committed.
/// </summary>
internal sealed record PostedEvent(string Type, Guid DebateId, Guid SubjectId, Guid? EventId)
{
    public bool Accepted => EventId is not null;
}
