namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// Counts the records polled and not yet settled, and holds the poll loop back while too many are: with
/// the buffer full it stops polling (librdkafka keeps its own bounded prefetch) until half of it has
/// settled, waking at least every housekeeping interval. Pausing partitions instead would throw their
/// prefetched records away and fetch them again. A drain waits here for the running records of revoked partitions.
/// </summary>
internal sealed class BackpressureGate
{
    private static readonly TimeSpan RoomWait = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan SettleWait = TimeSpan.FromMilliseconds(50);
    private readonly int _maxBuffered;
    private readonly ManualResetEventSlim _room = new(false);
    private readonly ManualResetEventSlim _settled = new(false);
    private int _outstanding;
    private volatile bool _waitingForRoom;
    private volatile bool _draining;

    public BackpressureGate(int maxBufferedRecords)
    {
        _maxBuffered = maxBufferedRecords;
    }

    /// <summary>True while the poll loop must not poll.</summary>
    public bool IsFull => Volatile.Read(ref _outstanding) >= _maxBuffered;

    /// <summary>True while <paramref name="records"/> more polled records would still fit in the buffer.</summary>
    public bool HasRoomFor(int records) => Volatile.Read(ref _outstanding) + records <= _maxBuffered;

    /// <summary><paramref name="records"/> polled records went into their lanes.</summary>
    public void Polled(int records) => Interlocked.Add(ref _outstanding, records);

    /// <summary>A record left its lane: settled, unsettled or skipped. Runs on the lanes' workers.</summary>
    public void Settled()
    {
        var outstanding = Interlocked.Decrement(ref _outstanding);
        if (_draining)
        {
            _settled.Set();
        }

        if (_waitingForRoom && outstanding <= _maxBuffered / 2)
        {
            _room.Set();
        }
    }

    /// <summary>Blocks the poll thread until half the buffer is free or the housekeeping interval passed.</summary>
    public void WaitForRoom()
    {
        _room.Reset();
        _waitingForRoom = true;
        if (Volatile.Read(ref _outstanding) > _maxBuffered / 2)
        {
            _room.Wait(RoomWait);
        }

        _waitingForRoom = false;
    }

    /// <summary>
    /// Blocks the poll thread until no record of <paramref name="partitions"/> is running; false if
    /// <paramref name="timeout"/> passed first. Records still queued in their lanes are not waited for: the
    /// partitions are revoked, so they are skipped uncommitted and delivered again to the next owner.
    /// </summary>
    public bool Drain(IReadOnlyCollection<PartitionProgress> partitions, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        _draining = true;
        try
        {
            while (partitions.Any(p => p.Running > 0))
            {
                if (DateTime.UtcNow >= deadline)
                {
                    return false;
                }

                _settled.Wait(SettleWait);
                _settled.Reset();
            }

            return true;
        }
        finally
        {
            _draining = false;
        }
    }
}
