using DebateEvents.Outbox.Tests.Events;
using MassTransit;

namespace DebateEvents.Outbox.Tests.Consumers;

/// <summary>A mediator command handler that publishes a domain event from its <see cref="ConsumeContext"/>.</summary>
public sealed class CloseDebateHandler : IConsumer<CloseDebate>
{
    public Task Consume(ConsumeContext<CloseDebate> context) =>
        context.Publish(new DebateClosed(context.Message.DebateId, context.Message.Outcome));
}
