using DebateEvents.Kafka.Tests.Messages;
using MassTransit;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Records each <see cref="ArgumentMade"/> in the test's log; poison messages always throw.</summary>
public sealed class ArgumentConsumer : IConsumer<ArgumentMade>
{
    private readonly ProcessingLog _log;
    private readonly InstanceName _host;

    public ArgumentConsumer(ProcessingLog log, InstanceName host)
    {
        _log = log;
        _host = host;
    }

    public Task Consume(ConsumeContext<ArgumentMade> context)
    {
        if (context.Message.Poison)
        {
            _log.CountPoisonAttempt();
            throw new InvalidDataException($"Poison argument {context.Message.DebateId}#{context.Message.Sequence}");
        }

        var record = context.GetKafkaRecord() ?? throw new InvalidOperationException("The message did not come from Kafka.");
        return _log.Record(new ProcessedRecord(_host.Name, context.Message.DebateId, context.Message.Sequence, record.Topic, record.Partition,
            record.Offset, DateTimeOffset.UtcNow), context.CancellationToken);
    }
}
