using System.Collections.Concurrent;
using DebateEvents.Kafka.Tests.Messages;
using MassTransit;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Collects every <see cref="DebateOpened"/> it receives.</summary>
public sealed class DebateOpenedConsumer : IConsumer<DebateOpened>
{
    private readonly ConcurrentQueue<DebateOpened> _received;

    public DebateOpenedConsumer(ConcurrentQueue<DebateOpened> received)
    {
        _received = received;
    }

    public Task Consume(ConsumeContext<DebateOpened> context)
    {
        _received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
