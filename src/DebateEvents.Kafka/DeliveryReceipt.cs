namespace DebateEvents.Kafka;

/// <summary>Where the broker stored a record: returned once every in-sync replica has acknowledged it.</summary>
/// <param name="Topic">The topic the record was written to.</param>
/// <param name="Partition">The partition the key hashed to.</param>
/// <param name="Offset">The record's offset in that partition.</param>
/// <param name="Timestamp">The record timestamp the broker stored (create time unless the topic uses log-append time).</param>
public sealed record DeliveryReceipt(string Topic, int Partition, long Offset, DateTimeOffset Timestamp);
