using MassTransit;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>Counts consumed events and does nothing else, so the scenario measures the rider, not the consumer.</summary>
public sealed class RiderNoOpConsumer(RiderConsumeCounter counter) : IConsumer<RiderBenchmarkEvent>
{
    public Task Consume(ConsumeContext<RiderBenchmarkEvent> context)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}
