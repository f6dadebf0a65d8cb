using DebateEvents.Kafka.DeadLetter;
using MassTransit;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// The endpoint's error pipe: runs after MassTransit's retry policy gave up on a record and writes it to
/// the retry or dead-letter topic. If that write fails it throws, so the dispatch fails and the topic
/// consumer leaves the offset uncommitted and redelivers the record later.
/// </summary>
internal sealed class DeadLetterErrorFilter : IFilter<ExceptionReceiveContext>
{
    private readonly FaultedRecordSettler _settler;

    public DeadLetterErrorFilter(FaultedRecordSettler settler)
    {
        _settler = settler;
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("kafka-dead-letter");

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (!context.TryGetPayload(out KafkaReceiveContext? record))
        {
            throw new InvalidOperationException("A Kafka topic endpoint received a message that did not come from Kafka.", context.Exception);
        }

        if (!await _settler.Settle(record, context.Exception, context.CancellationToken))
        {
            throw new DeadLetterUnavailableException(record.Topic, record.Partition, record.Offset, context.Exception);
        }

        record.SettledByErrorTopic = true;
        await next.Send(context);
    }
}
