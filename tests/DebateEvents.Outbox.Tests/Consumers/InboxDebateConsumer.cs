using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;

namespace DebateEvents.Outbox.Tests.Consumers;

/// <summary>Counts each debate's events in the database; behind the inbox, a redelivered event must not count twice.</summary>
public sealed class InboxDebateConsumer(DebateDbContext db, ReceivedEvents received) : IConsumer<DebateOpened>
{
    public async Task Consume(ConsumeContext<DebateOpened> context)
    {
        var row = await db.Debates.FindAsync([context.Message.DebateId], context.CancellationToken);
        if (row is null)
        {
            row = new DebateRow { Id = context.Message.DebateId, Question = context.Message.Question };
            db.Debates.Add(row);
        }

        row.Handled++;
        received.InboxRuns.Add(context.MessageId!.Value);
    }
}
