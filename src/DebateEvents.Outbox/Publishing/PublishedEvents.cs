using System.Runtime.CompilerServices;

namespace DebateEvents.Outbox.Publishing;

/// <summary>
/// The events a scope has written to the outbox, by message instance and id. MassTransit runs the publish pipe once
/// per type an event is published as (its class and each interface it implements, such as <c>IAvroRecord</c>), each
/// with its own context but the same message and MessageId: this makes that one publish one row. Entries go with
/// their messages.
/// </summary>
internal sealed class PublishedEvents
{
    private readonly ConditionalWeakTable<object, StrongBox<Guid>> _written = [];

    /// <summary>True the first time a message is seen with <paramref name="messageId"/>; false for the same publish again.</summary>
    public bool FirstTime(object message, Guid messageId)
    {
        if (_written.TryGetValue(message, out var seen) && seen.Value == messageId)
        {
            return false;
        }

        _written.AddOrUpdate(message, new StrongBox<Guid>(messageId));
        return true;
    }
}
