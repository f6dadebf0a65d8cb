using MassTransit;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Sits inside the endpoint's retry filters and counts how often a record reached its consumers, for
/// the dead-letter <c>dlt-attempts</c> header.
/// </summary>
internal sealed class AttemptCountingFilter : IFilter<ConsumeContext>
{
    public void Probe(ProbeContext context) => context.CreateFilterScope("kafka-attempts");

    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        if (context.ReceiveContext is KafkaReceiveContext record)
        {
            record.Attempts++;
        }

        return next.Send(context);
    }
}
