using MassTransit;

namespace DebateEvents.Kafka;

/// <summary>Kafka details of a message consumed through a topic endpoint.</summary>
public static class KafkaConsumeContextExtensions
{
    /// <summary>The Kafka record behind <paramref name="context"/>, or null when the message did not come from Kafka.</summary>
    public static IKafkaRecordContext? GetKafkaRecord(this ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReceiveContext as IKafkaRecordContext
            ?? (context.TryGetPayload(out IKafkaRecordContext? record) ? record : null);
    }
}
