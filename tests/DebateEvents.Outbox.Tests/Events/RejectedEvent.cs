namespace DebateEvents.Outbox.Tests.Events;

public sealed record RejectedEvent(Guid Id);
