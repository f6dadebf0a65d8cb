using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Samples.OwnConsumer;

/// <summary>Stands in for a processor already on the topic (the host's DebateEventProcessor, group <c>debate-processors</c>).</summary>
public sealed class DebateTracker : IConsumer<ArgumentSubmitted>
{
    public Task Consume(ConsumeContext<ArgumentSubmitted> context)
    {
        Console.WriteLine($"debate-processors: round {context.Message.Round} of debate {context.Message.DebateId}");
        return Task.CompletedTask;
    }
}
