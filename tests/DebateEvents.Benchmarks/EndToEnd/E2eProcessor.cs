using MassTransit;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>The processor behind the topic endpoint: writes the event's read-model row in the inbox transaction.</summary>
internal sealed class E2eProcessor(E2eDbContext db) : IConsumer<E2eEvent>
{
    public Task Consume(ConsumeContext<E2eEvent> context)
    {
        var evt = context.Message;
        db.ReadModel.Add(new E2eReadModelRow { EventId = evt.Id, DebateId = evt.DebateId, Sequence = evt.Sequence });
        db.Processing.Add(evt.Id);
        return Task.CompletedTask;
    }
}
