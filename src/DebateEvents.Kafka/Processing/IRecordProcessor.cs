using Confluent.Kafka;

namespace DebateEvents.Kafka.Processing;

/// <summary>Handles one polled record; the topic consumer commits its offset only for a settled outcome.</summary>
internal interface IRecordProcessor
{
    /// <summary>Processes <paramref name="result"/>; an exception counts as unsettled.</summary>
    ValueTask<RecordOutcome> Process(ConsumeResult<byte[]?, byte[]> result, CancellationToken cancellationToken);

    /// <summary>How long until <paramref name="result"/> may be processed: positive only for a retry that is not due yet.</summary>
    TimeSpan DueIn(ConsumeResult<byte[]?, byte[]> result);

    /// <summary>The group assigned <paramref name="partitions"/>; runs on the poll thread before any of their records.</summary>
    void Assigned(IConsumer<byte[]?, byte[]> consumer, ConsumerConfig config, IReadOnlyList<TopicPartition> partitions);

    /// <summary><paramref name="partitions"/> were revoked, after their in-flight records drained and were committed.</summary>
    void Revoked(IReadOnlyList<TopicPartition> partitions);
}
