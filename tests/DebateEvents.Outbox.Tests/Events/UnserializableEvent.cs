namespace DebateEvents.Outbox.Tests.Events;

public sealed record UnserializableEvent(Guid Id, Action OnDelivered);
