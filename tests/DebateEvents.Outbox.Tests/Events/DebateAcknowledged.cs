namespace DebateEvents.Outbox.Tests.Events;

public sealed record DebateAcknowledged(Guid DebateId, Guid SourceEventId);
