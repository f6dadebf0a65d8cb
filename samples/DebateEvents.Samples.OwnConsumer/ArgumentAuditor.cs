using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Samples.OwnConsumer;

/// <summary>Your own consumer: an ordinary MassTransit consumer class, nothing Kafka-specific in it.</summary>
public sealed class ArgumentAuditor(AuditTrail trail) : IConsumer<ArgumentSubmitted>
{
    public Task Consume(ConsumeContext<ArgumentSubmitted> context)
    {
        Console.WriteLine($"argument-auditors: {context.Message.Participant} argued {context.Message.Position} in round {context.Message.Round}");
        trail.Add(context.Message);
        return Task.CompletedTask;
    }
}
