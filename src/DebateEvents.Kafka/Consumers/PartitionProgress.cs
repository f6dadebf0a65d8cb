using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// Tracks the records of one assigned partition from poll to settlement and yields the contiguous
/// watermark: the offset after the longest run of settled records from the oldest unsettled one.
/// Only that watermark is ever committed, so a crash never skips an unfinished or failed record.
/// </summary>
internal sealed class PartitionProgress
{
    private readonly Lock _gate = new();
    private readonly Queue<ConsumedRecord> _pending = new();
    private volatile int _epoch;
    private volatile bool _revoked;
    private int _outstanding;
    private int _running;
    private long _committable = Offset.Unset.Value;
    private long _committed = Offset.Unset.Value;
    private long? _rewindTo;

    public PartitionProgress(TopicPartition partition)
    {
        TopicPartition = partition;
    }

    public TopicPartition TopicPartition { get; }

    /// <summary>Records polled and not yet settled or skipped.</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>Records handed to the processor and not yet settled: what a revoke or shutdown waits for.</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Set when a record could not be settled; the poll loop pauses, drains and seeks back here.</summary>
    public long? RewindTo
    {
        get
        {
            lock (_gate)
            {
                return _rewindTo;
            }
        }
    }

    /// <summary>When a paused partition may fetch again after a rewind (UTC ticks).</summary>
    public long ResumeAtTicks { get; set; }

    /// <summary>Consecutive rewinds without the watermark moving in between, for backoff.</summary>
    public int ConsecutiveRewinds { get; set; }

    public bool IsCurrent(int epoch) => !_revoked && epoch == _epoch;

    /// <summary>Starts tracking a polled record, or returns null when it must be dropped (revoked, or a rewind is pending).</summary>
    public ConsumedRecord? Track(ConsumeResult<byte[]?, byte[]> result)
    {
        lock (_gate)
        {
            if (_revoked || _rewindTo is not null)
            {
                return null;
            }

            var record = new ConsumedRecord(result, this, _epoch);
            _pending.Enqueue(record);
            _outstanding++;
            return record;
        }
    }

    /// <summary>
    /// Lets a record at the head of its lane start, unless its partition was revoked or rewound since it was
    /// polled. Under the lock, so once <see cref="Revoke"/> returned no record of this partition starts and a
    /// drain only has to wait for <see cref="Running"/> to reach zero.
    /// </summary>
    public bool TryStart(ConsumedRecord record)
    {
        lock (_gate)
        {
            if (_revoked || record.Epoch != _epoch)
            {
                return false;
            }

            _running++;
            record.Started = true;
            return true;
        }
    }

    /// <summary>Marks a record settled (processed, or written to the retry or dead-letter topic and acknowledged).</summary>
    public void Complete(ConsumedRecord record)
    {
        lock (_gate)
        {
            _outstanding--;
            if (record.Started)
            {
                _running--;
            }

            if (record.Epoch != _epoch)
            {
                return;
            }

            record.Done = true;
            while (_pending.TryPeek(out var head) && head.Done)
            {
                _pending.Dequeue();
                _committable = head.Offset + 1;
            }
        }
    }

    /// <summary>
    /// A record could not be settled: invalidate every record polled under this epoch and ask the poll
    /// loop to seek back to the oldest unsettled offset once in-flight work has drained.
    /// </summary>
    public void Fail(ConsumedRecord record)
    {
        lock (_gate)
        {
            _outstanding--;
            if (record.Started)
            {
                _running--;
            }

            if (record.Epoch != _epoch)
            {
                return;
            }

            _rewindTo = _pending.TryPeek(out var head) ? head.Offset : record.Offset;
            _pending.Clear();
            _epoch++;
        }
    }

    /// <summary>A stale record left its lane without being processed.</summary>
    public void Skip()
    {
        lock (_gate)
        {
            _outstanding--;
        }
    }

    /// <summary>Called by the poll loop after it sought back: records are accepted again.</summary>
    public void Rewound()
    {
        lock (_gate)
        {
            _rewindTo = null;
        }
    }

    /// <summary>Stops dispatching this partition: records not yet started become stale and are skipped, uncommitted.</summary>
    public void Revoke()
    {
        lock (_gate)
        {
            _revoked = true;
        }
    }

    /// <summary>The watermark to commit, if it moved since the last commit.</summary>
    public TopicPartitionOffset? TakeCommit()
    {
        lock (_gate)
        {
            if (_committable < 0 || _committable == _committed)
            {
                return null;
            }

            _committed = _committable;
            return new TopicPartitionOffset(TopicPartition, new Offset(_committable));
        }
    }

    /// <summary>A commit failed: offer the same watermark again next time.</summary>
    public void CommitFailed(long offset)
    {
        lock (_gate)
        {
            if (_committed == offset)
            {
                _committed = Offset.Unset.Value;
            }
        }
    }
}
