using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;

namespace DebateEvents.Outbox.Tests.Consumers;

/// <summary>An ordinary in-process subscriber: must still see events that also go to Kafka.</summary>
public sealed class DebateOpenedSubscriber(ReceivedEvents received) : IConsumer<DebateOpened>
{
    public Task Consume(ConsumeContext<DebateOpened> context)
    {
        received.Subscribed.Add(context.MessageId!.Value);
        return Task.CompletedTask;
    }
}
