using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Samples.Mediator;

/// <summary>A processor on the Kafka side: a plain MassTransit consumer on a topic endpoint.</summary>
public sealed class DebateStartedPrinter(TaskCompletionSource<DebateInitiated> received) : IConsumer<DebateInitiated>
{
    public Task Consume(ConsumeContext<DebateInitiated> context)
    {
        Console.WriteLine($"Consumed from Kafka: debate {context.Message.DebateId} '{context.Message.Question}'");
        received.TrySetResult(context.Message);
        return Task.CompletedTask;
    }
}
