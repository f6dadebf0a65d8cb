using Confluent.Kafka;

namespace DebateEvents.Outbox.Delivery;

/// <summary>The broker's answer for one outbox row: acknowledged, or the error that failed it.</summary>
/// <param name="SequenceNumber">The row.</param>
/// <param name="Error">Null when the broker acknowledged the record.</param>
/// <param name="AckedAt">When the acknowledgement arrived (Unix ms); zero on failure.</param>
internal readonly record struct OutboxDelivery(long SequenceNumber, Error? Error, long AckedAt)
{
    public bool Succeeded => Error is null;
}
