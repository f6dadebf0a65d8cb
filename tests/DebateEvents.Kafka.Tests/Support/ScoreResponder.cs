using DebateEvents.Kafka.Tests.Messages;
using MassTransit;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>A plain consumer answering each <see cref="ScoreRequested"/> with <c>RespondAsync</c>: score = round × 10.</summary>
public sealed class ScoreResponder(InstanceName host) : IConsumer<ScoreRequested>
{
    public Task Consume(ConsumeContext<ScoreRequested> context) =>
        context.RespondAsync(new ScoreReported(context.Message.DebateId, context.Message.Round, context.Message.Round * 10, host.Name));
}
