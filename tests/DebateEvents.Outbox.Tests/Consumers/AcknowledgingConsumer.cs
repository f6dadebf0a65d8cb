using DebateEvents.Outbox.Tests.Events;
using DebateEvents.Outbox.Tests.Support;
using MassTransit;

namespace DebateEvents.Outbox.Tests.Consumers;

/// <summary>Records the debate and publishes an acknowledgement; fails afterwards when the question says so.</summary>
public sealed class AcknowledgingConsumer(DebateDbContext db) : IConsumer<DebateOpened>
{
    public const string FailingQuestion = "fail after publishing";

    public async Task Consume(ConsumeContext<DebateOpened> context)
    {
        db.Debates.Add(new DebateRow { Id = context.Message.DebateId, Question = context.Message.Question, Handled = 1 });
        await context.Publish(new DebateAcknowledged(context.Message.DebateId, context.MessageId!.Value));
        if (context.Message.Question == FailingQuestion)
        {
            throw new InvalidOperationException("The consumer failed after publishing.");
        }
    }
}
