using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>A polled record on its way through a key lane, tied to the partition assignment it was polled under.</summary>
internal sealed class ConsumedRecord
{
    public ConsumedRecord(ConsumeResult<byte[]?, byte[]> result, PartitionProgress partition, int epoch)
    {
        Result = result;
        Partition = partition;
        Epoch = epoch;
    }

    public ConsumeResult<byte[]?, byte[]> Result { get; }

    public PartitionProgress Partition { get; }

    /// <summary>The partition's epoch when polled; a rewind or revoke bumps it and makes this record stale.</summary>
    public int Epoch { get; }

    public long Offset => Result.Offset.Value;

    /// <summary>Set under the partition's lock when the record was handed to the processor.</summary>
    public bool Started { get; set; }

    /// <summary>Set under the partition's lock once the record is settled.</summary>
    public bool Done { get; set; }

    /// <summary>False once the partition was revoked or rewound after this record was polled: skip it.</summary>
    public bool IsCurrent => Partition.IsCurrent(Epoch);
}
