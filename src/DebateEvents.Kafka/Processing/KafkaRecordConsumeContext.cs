using MassTransit;
using MassTransit.Serialization;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// The consume context of a Kafka record. Faults are not published as <c>Fault&lt;T&gt;</c>: a faulted
/// record goes to the dead-letter topic and a <see cref="KafkaRecordDeadLettered"/> event is published instead.
/// </summary>
internal sealed class KafkaRecordConsumeContext : BodyConsumeContext
{
    public KafkaRecordConsumeContext(ReceiveContext receiveContext, SerializerContext serializerContext)
        : base(receiveContext, serializerContext)
    {
    }

    protected override Task GenerateFault<T>(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;
}
