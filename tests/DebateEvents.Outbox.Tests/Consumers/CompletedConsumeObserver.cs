using DebateEvents.Outbox.Tests.Support;
using MassTransit;

namespace DebateEvents.Outbox.Tests.Consumers;

/// <summary>Counts messages whose consume pipe finished (duplicates the inbox skipped included) and those that faulted.</summary>
public sealed class CompletedConsumeObserver(ReceivedEvents received) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        received.CountConsumeCompleted();
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        received.CountConsumeFault();
        return Task.CompletedTask;
    }
}
