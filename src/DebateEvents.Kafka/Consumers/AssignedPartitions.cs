using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// The partitions the group currently assigns to one consumer, each with its <see cref="PartitionProgress"/>,
/// and what the poll thread does to them: pause and resume, seek back to an unsettled record, commit
/// watermarks and report lag. Used only on the poll thread.
/// </summary>
internal sealed class AssignedPartitions
{
    private readonly Dictionary<TopicPartition, PartitionProgress> _partitions = [];
    private readonly HashSet<TopicPartition> _paused = [];
    private readonly TopicConsumerSettings _settings;
    private readonly ConsumerStatus _status;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;
    private PartitionProgress? _last;

    public AssignedPartitions(TopicConsumerSettings settings, ConsumerStatus status, RiderMetrics metrics, ILogger logger)
    {
        _settings = settings;
        _status = status;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>A snapshot of the assigned partitions.</summary>
    public List<TopicPartition> Snapshot() => [.. _partitions.Keys];

    /// <summary>The progress of a record's partition; remembers the last one, as records come in runs per partition.</summary>
    public PartitionProgress? Find(ConsumeResult<byte[]?, byte[]> result)
    {
        if (_last is { } last && last.TopicPartition.Partition.Value == result.Partition.Value
            && string.Equals(last.TopicPartition.Topic, result.Topic, StringComparison.Ordinal))
        {
            return last;
        }

        _last = _partitions.GetValueOrDefault(result.TopicPartition);
        return _last;
    }

    /// <summary>The group assigned <paramref name="partitions"/>: track each from scratch, unpaused.</summary>
    public void Add(IEnumerable<TopicPartition> partitions)
    {
        _last = null;
        foreach (var partition in partitions)
        {
            _partitions[partition] = new PartitionProgress(partition);
            _paused.Remove(partition);
        }

        Publish();
    }

    /// <summary>The progress of those of <paramref name="partitions"/> that are assigned.</summary>
    public List<PartitionProgress> ProgressOf(IEnumerable<TopicPartition> partitions) =>
        partitions.Select(p => _partitions.GetValueOrDefault(p)).OfType<PartitionProgress>().ToList();

    /// <summary>Forgets <paramref name="partitions"/>, which the group takes back.</summary>
    public void Remove(IEnumerable<PartitionProgress> partitions)
    {
        _last = null;
        foreach (var partition in partitions)
        {
            _partitions.Remove(partition.TopicPartition);
            _paused.Remove(partition.TopicPartition);
            _metrics.ClearLag(_settings.GroupId, partition.TopicPartition);
        }

        Publish();
    }

    /// <summary>Pauses partitions with an unsettled record and, once drained, seeks them back to it with a growing delay.</summary>
    public void Rewind(IConsumer<byte[]?, byte[]> consumer, long now)
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
            _logger.Rewound(partition.TopicPartition.ToString(), offset, TimeSpan.FromTicks(delay));
        }
    }

    private void Publish()
    {
        _status.AssignedPartitions = _partitions.Count;
        _status.Partitions = _partitions.Keys.Select(p => $"{p.Topic}/{p.Partition.Value}").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Pauses or resumes each partition: rewinding, backing off after a rewind, or the endpoint's breaker open.</summary>
    public void UpdatePauses(IConsumer<byte[]?, byte[]> consumer, long now, bool breakerOpen)
    {
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

    /// <summary>Commits the watermarks that moved, of every assigned partition.</summary>
    public void Commit(IConsumer<byte[]?, byte[]> consumer) => Commit(consumer, _partitions.Values);

    /// <summary>
    /// Commits the watermarks of <paramref name="partitions"/> that moved; a failed commit is offered again next time.
    /// Returns false when the commit failed (true when it succeeded or nothing had moved).
    /// </summary>
    public bool Commit(IConsumer<byte[]?, byte[]> consumer, IEnumerable<PartitionProgress> partitions)
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
            return true;
        }

        try
        {
            consumer.Commit(offsets);
            _status.LastCommit = DateTimeOffset.UtcNow;
            foreach (var offset in offsets)
            {
                _metrics.Committed(offset.Topic, _settings.GroupId);
            }

            return true;
        }
        catch (KafkaException ex)
        {
            _logger.CommitFailed(ex, _settings.GroupId, ex.Error.Reason);
            foreach (var offset in offsets)
            {
                _metrics.CommitFailed(offset.Topic, _settings.GroupId);
                _partitions.GetValueOrDefault(offset.TopicPartition)?.CommitFailed(offset.Offset.Value);
            }

            return false;
        }
    }

    public void UpdateLag(IConsumer<byte[]?, byte[]> consumer)
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
