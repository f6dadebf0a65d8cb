using Confluent.Kafka;

namespace DebateEvents.Outbox.Delivery;

/// <summary>The broker's answer for one outbox row: acknowledged, or the error that failed it.</summary>
/// <param name="SequenceNumber">The row.</param>
/// <param name="Error">Null when the broker acknowledged the record.</param>
/// <param name="AckedAt">When the acknowledgement arrived (Unix ms); zero on failure.</param>
/// <param name="Partition">The partition the broker wrote the record to; -1 when it failed.</param>
/// <param name="Offset">The record's offset in its partition; -1 when it failed.</param>
internal readonly record struct OutboxDelivery(long SequenceNumber, Error? Error, long AckedAt, int Partition = -1, long Offset = -1)
{
    public bool Succeeded => Error is null;
}
