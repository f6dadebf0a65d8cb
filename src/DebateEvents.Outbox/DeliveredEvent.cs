namespace DebateEvents.Outbox;

/// <summary>Where the broker put an event the outbox delivered.</summary>
/// <param name="EventId">The event's id (<c>ce_id</c>).</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The record's offset in its partition.</param>
public sealed record DeliveredEvent(Guid EventId, string Topic, int Partition, long Offset);
