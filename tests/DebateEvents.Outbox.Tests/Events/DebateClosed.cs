namespace DebateEvents.Outbox.Tests.Events;

public sealed record DebateClosed(Guid DebateId, string Outcome) : IDebateEvent;
