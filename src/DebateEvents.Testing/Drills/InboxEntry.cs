namespace DebateEvents.Testing.Drills;

/// <summary>One inbox row: a consumer handled an event.</summary>
/// <param name="EventId">The event's id (<c>ce_id</c>).</param>
/// <param name="Consumer">The consumer's full type name.</param>
/// <param name="ReceivedAt">When it was handled, as the inbox stores it.</param>
public sealed record InboxEntry(Guid EventId, string Consumer, long ReceivedAt);
