using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>Assignment, revocation and shutdown: all run on the poll thread, inside <c>Consume</c> or after the loop.</summary>
internal sealed partial class TopicConsumer
{
    private void OnAssigned(IConsumer<byte[]?, byte[]> consumer, List<TopicPartition> partitions)
    {
        _lastPartition = null;
        foreach (var partition in partitions)
        {
            _partitions[partition] = new PartitionProgress(partition);
            _paused.Remove(partition);
        }

        try
        {
            _processor.Assigned(consumer, _settings.ConsumerConfig, partitions);
        }
        catch (KafkaException ex)
        {
            LogKafkaError(ex.Error.Code, ex.Error.Reason, _settings.Topics[0], _settings.GroupId);
        }

        Status.AssignedPartitions = _partitions.Count;
        LogAssigned(_settings.GroupId, string.Join(", ", partitions));
        _nextHousekeeping = 0;
        _firstAssignment.TrySetResult();
    }

    /// <summary>
    /// Stops dispatching <paramref name="revoked"/>, waits for their in-flight records to settle (up to
    /// the drain timeout), commits their watermarks, then forgets them so the group can hand them on.
    /// </summary>
    private void RevokeAndDrain(IConsumer<byte[]?, byte[]> consumer, IEnumerable<TopicPartition> revoked, bool commit)
    {
        var progress = revoked.Select(p => _partitions.GetValueOrDefault(p)).OfType<PartitionProgress>().ToList();
        if (progress.Count == 0)
        {
            return;
        }

        foreach (var partition in progress)
        {
            partition.Revoke();
        }

        if (!_abort)
        {
            Drain(progress);
        }

        if (commit)
        {
            Commit(consumer, progress);
        }

        _lastPartition = null;
        _processor.Revoked(progress.Select(p => p.TopicPartition).ToList());
        foreach (var partition in progress)
        {
            _partitions.Remove(partition.TopicPartition);
            _paused.Remove(partition.TopicPartition);
            _metrics.ClearLag(_settings.GroupId, partition.TopicPartition);
        }

        Status.AssignedPartitions = _partitions.Count;
        LogRevoked(_settings.GroupId, string.Join(", ", progress.Select(p => p.TopicPartition)), commit);
    }

    private void Drain(List<PartitionProgress> partitions)
    {
        var deadline = DateTime.UtcNow + _settings.DrainTimeout;
        _draining = true;
        try
        {
            while (partitions.Any(p => p.Outstanding > 0))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    LogDrainTimedOut(_settings.Topics[0], _settings.GroupId, partitions.Sum(p => p.Outstanding));
                    return;
                }

                _settled.Wait(TimeSpan.FromMilliseconds(50));
                _settled.Reset();
            }
        }
        finally
        {
            _draining = false;
        }
    }

    private void Shutdown(IConsumer<byte[]?, byte[]> consumer)
    {
        RevokeAndDrain(consumer, _partitions.Keys.ToList(), commit: !_abort);
        if (_abort)
        {
            return;
        }

        try
        {
            consumer.Close();
        }
        catch (KafkaException ex)
        {
            LogKafkaError(ex.Error.Code, ex.Error.Reason, _settings.Topics[0], _settings.GroupId);
        }
    }
}
