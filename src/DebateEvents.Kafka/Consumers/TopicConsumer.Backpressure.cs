using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>Bookkeeping of polled records: finding their partition, and holding polling back while too many are unsettled.</summary>
internal sealed partial class TopicConsumer
{
    /// <summary>The progress of a record's partition; remembers the last one, as records come in runs per partition.</summary>
    private PartitionProgress? FindPartition(ConsumeResult<byte[]?, byte[]> result)
    {
        if (_lastPartition is { } last && last.TopicPartition.Partition.Value == result.Partition.Value
            && string.Equals(last.TopicPartition.Topic, result.Topic, StringComparison.Ordinal))
        {
            return last;
        }

        _lastPartition = _partitions.GetValueOrDefault(result.TopicPartition);
        return _lastPartition;
    }

    /// <summary>
    /// Backpressure: with the buffer full, stop polling (librdkafka keeps its own bounded prefetch) until
    /// half of it has settled, waking at least every housekeeping interval. Pausing partitions instead
    /// would throw their prefetched records away and fetch them again.
    /// </summary>
    private void WaitForRoom()
    {
        _room.Reset();
        _waitingForRoom = true;
        if (Volatile.Read(ref _outstanding) > _settings.MaxBufferedRecords / 2)
        {
            _room.Wait(HousekeepingWait);
        }

        _waitingForRoom = false;
    }

    private void Settled()
    {
        var outstanding = Interlocked.Decrement(ref _outstanding);
        if (_draining)
        {
            _settled.Set();
        }

        if (_waitingForRoom && outstanding <= _settings.MaxBufferedRecords / 2)
        {
            _room.Set();
        }
    }
}
