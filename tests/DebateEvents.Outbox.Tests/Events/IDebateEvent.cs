namespace DebateEvents.Outbox.Tests.Events;

/// <summary>A base interface: MassTransit runs the publish pipe once for the event's class and once for this.</summary>
public interface IDebateEvent
{
    Guid DebateId { get; }
}
