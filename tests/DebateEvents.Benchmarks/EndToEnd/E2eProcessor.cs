using MassTransit;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>The processor behind the topic endpoint: writes the event's read-model row (see <see cref="E2eProcessing"/>).</summary>
internal sealed class E2eProcessor(E2eDbContext db, E2eLatencyLog log, E2eStageLog stages, E2eProcessing processing) : IConsumer<E2eEvent>
{
    public async Task Consume(ConsumeContext<E2eEvent> context)
    {
        var evt = context.Message;
        var messageId = context.MessageId ?? Guid.Empty;
        if (E2eStageLog.Sampled(messageId))
        {
            // The receive context was created when the key lane started the record; the inbox's lookup came in between.
            stages.Stamp(messageId, E2eStageLog.Stage.Received, E2eStageLog.Ago(context.ReceiveContext.ElapsedTime));
            stages.Stamp(messageId, E2eStageLog.Stage.Consumed);
        }

        if (processing == E2eProcessing.NoOp)
        {
            log.Processed(evt.Id);
            stages.Stamp(messageId, E2eStageLog.Stage.Processed);
            return;
        }

        db.ReadModel.Add(new E2eReadModelRow { EventId = evt.Id, DebateId = evt.DebateId, Sequence = evt.Sequence });
        // Stamped when its transaction commits (E2eCommitClock): the inbox's, or the SaveChanges below.
        db.Processing.Add((evt.Id, messageId));
        if (processing == E2eProcessing.Plain)
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
