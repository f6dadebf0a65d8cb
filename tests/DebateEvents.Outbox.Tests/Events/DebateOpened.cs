namespace DebateEvents.Outbox.Tests.Events;

public sealed record DebateOpened(Guid DebateId, string Question, int Sequence);
