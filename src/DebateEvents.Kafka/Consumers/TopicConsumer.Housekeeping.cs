using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>Periodic work of the poll thread: rewinds, pauses, commits and lag.</summary>
internal sealed partial class TopicConsumer
{
    private static readonly long HousekeepingInterval = TimeSpan.FromMilliseconds(10).Ticks;

    private void Housekeeping(IConsumer<byte[]?, byte[]> consumer)
    {
        var now = DateTime.UtcNow.Ticks;
        if (now < _nextHousekeeping)
        {
            return;
        }

        _nextHousekeeping = now + HousekeepingInterval;
        Rewind(consumer, now);
        UpdatePauses(consumer, now);
        if (now >= _nextCommit)
        {
            _nextCommit = now + _settings.CommitInterval.Ticks;
            Commit(consumer, _partitions.Values);
            UpdateLag(consumer);
        }
    }

    /// <summary>Seeks partitions with an unsettled record back to their oldest unsettled offset once drained.</summary>
    private void Rewind(IConsumer<byte[]?, byte[]> consumer, long now)
    {
        foreach (var partition in _partitions.Values)
        {
            if (partition.RewindTo is not { } offset)
            {
                continue;
            }

            if (_paused.Add(partition.TopicPartition))
            {
                consumer.Pause([partition.TopicPartition]);
            }

            if (partition.Outstanding > 0)
            {
                continue;
            }

            consumer.Seek(new TopicPartitionOffset(partition.TopicPartition, new Offset(offset)));
            partition.ConsecutiveRewinds++;
            var delay = Math.Min(
                _settings.RedeliveryDelay.Ticks * (1L << Math.Min(partition.ConsecutiveRewinds - 1, 16)),
                _settings.MaxRedeliveryDelay.Ticks);
            partition.ResumeAtTicks = now + delay;
            partition.Rewound();
            LogRewound(partition.TopicPartition.ToString(), offset, TimeSpan.FromTicks(delay));
        }
    }

    /// <summary>Pauses or resumes each partition: rewinding, backing off after a rewind, or the endpoint's breaker open.</summary>
    private void UpdatePauses(IConsumer<byte[]?, byte[]> consumer, long now)
    {
        var breakerOpen = _breaker.IsOpen;
        Status.CircuitOpen = breakerOpen;
        Status.CircuitTrips = _breaker.Trips;
        List<TopicPartition>? pause = null;
        List<TopicPartition>? resume = null;
        foreach (var partition in _partitions.Values)
        {
            var wantPaused = breakerOpen || partition.RewindTo is not null || now < partition.ResumeAtTicks;
            var tp = partition.TopicPartition;
            if (wantPaused && _paused.Add(tp))
            {
                (pause ??= []).Add(tp);
            }
            else if (!wantPaused && _paused.Remove(tp))
            {
                (resume ??= []).Add(tp);
            }
        }

        if (pause is not null)
        {
            consumer.Pause(pause);
        }

        if (resume is not null)
        {
            consumer.Resume(resume);
        }
    }

    private void Commit(IConsumer<byte[]?, byte[]> consumer, IEnumerable<PartitionProgress> partitions)
    {
        var offsets = new List<TopicPartitionOffset>();
        foreach (var partition in partitions)
        {
            if (partition.TakeCommit() is { } offset)
            {
                offsets.Add(offset);
                partition.ConsecutiveRewinds = 0;
            }
        }

        if (offsets.Count == 0)
        {
            return;
        }

        try
        {
            consumer.Commit(offsets);
            Status.LastCommit = DateTimeOffset.UtcNow;
        }
        catch (KafkaException ex)
        {
            LogCommitFailed(ex, _settings.GroupId, ex.Error.Reason);
            foreach (var offset in offsets)
            {
                _partitions.GetValueOrDefault(offset.TopicPartition)?.CommitFailed(offset.Offset.Value);
            }
        }
    }

    private void UpdateLag(IConsumer<byte[]?, byte[]> consumer)
    {
        foreach (var partition in _partitions.Keys)
        {
            var watermarks = consumer.GetWatermarkOffsets(partition);
            var position = consumer.Position(partition);
            if (watermarks.High.Value >= 0 && position.Value >= 0)
            {
                _metrics.SetLag(_settings.GroupId, partition, watermarks.High.Value - position.Value);
            }
        }
    }
}
