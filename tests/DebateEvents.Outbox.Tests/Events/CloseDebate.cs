namespace DebateEvents.Outbox.Tests.Events;

/// <summary>A command sent through the mediator; its handler publishes <see cref="DebateClosed"/>.</summary>
public sealed record CloseDebate(Guid DebateId, string Outcome);
