using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;

namespace DebateEvents.Outbox.Tests.Consumers;

/// <summary>An in-process consumer on the mediator: must still see events that also go to Kafka.</summary>
public sealed class DebateClosedMediatorConsumer(ReceivedEvents received) : IConsumer<DebateClosed>
{
    public Task Consume(ConsumeContext<DebateClosed> context)
    {
        received.Mediated.Add(context.MessageId!.Value);
        return Task.CompletedTask;
    }
}
