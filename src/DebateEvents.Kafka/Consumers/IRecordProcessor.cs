using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>Handles one polled record; the topic consumer commits its offset only for a settled outcome.</summary>
internal interface IRecordProcessor
{
    /// <summary>Processes <paramref name="result"/>; an exception counts as unsettled.</summary>
    Task<RecordOutcome> Process(ConsumeResult<byte[]?, byte[]> result, CancellationToken cancellationToken);
}
