using MassTransit;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>The processor behind the topic endpoint: writes the event's read-model row (see <see cref="E2eProcessing"/>).</summary>
internal sealed class E2eProcessor(E2eDbContext db, E2eLatencyLog log, E2eProcessing processing) : IConsumer<E2eEvent>
{
    public async Task Consume(ConsumeContext<E2eEvent> context)
    {
        var evt = context.Message;
        if (processing == E2eProcessing.NoOp)
        {
            log.Processed(evt.Id);
            return;
        }

        db.ReadModel.Add(new E2eReadModelRow { EventId = evt.Id, DebateId = evt.DebateId, Sequence = evt.Sequence });
        // Stamped when its transaction commits (E2eCommitClock): the inbox's, or the SaveChanges below.
        db.Processing.Add(evt.Id);
        if (processing == E2eProcessing.Plain)
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
