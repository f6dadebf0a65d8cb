using System.Runtime.InteropServices;
using System.Threading.Channels;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// Runs records with the same key strictly one after another in arrival order, and records with
/// different keys concurrently on up to <c>concurrency</c> workers. A lane exists only while its key
/// has queued records; a worker owns a lane until it is empty, so no two workers ever run one key.
/// A handler may defer its record (a retry that is not due yet): the record stays at the head of its
/// lane, the worker moves on, and the lane is run again after the returned delay.
/// Emptied lanes are kept for reuse (as many as records can be buffered): with many keys nearly every record opens a lane.
/// </summary>
internal sealed class KeyedLaneScheduler
{
    private readonly Lock _gate = new();
    private readonly Dictionary<LaneKey, Lane> _lanes = [];
    private readonly Stack<Lane> _spareLanes = new();
    private readonly int _maxSpareLanes;
    private readonly Channel<Lane> _ready = Channel.CreateUnbounded<Lane>();
    private readonly Func<ConsumedRecord, ValueTask<TimeSpan>> _handle;
    private readonly Task[] _workers;
    private readonly List<Lane> _woken = [];

    /// <summary>
    /// Runs up to <paramref name="concurrency"/> lanes at once; keeps up to <paramref name="maxBufferedRecords"/>
    /// emptied lanes (at least four per worker), as that many keys can be buffered at once.
    /// </summary>
    public KeyedLaneScheduler(int concurrency, int maxBufferedRecords, Func<ConsumedRecord, ValueTask<TimeSpan>> handle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _handle = handle;
        _maxSpareLanes = Math.Max(concurrency * 4, maxBufferedRecords);
        _workers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            _workers[i] = Task.Run(RunWorker);
        }
    }

    /// <summary>
    /// Queues polled records, each behind earlier records of its key, under one lock for the whole chunk;
    /// lanes that were idle are handed to the workers after the lock is released. Poll thread only.
    /// </summary>
    public void Enqueue(List<ConsumedRecord> records)
    {
        lock (_gate)
        {
            foreach (var record in records)
            {
                var lane = LaneOf(record.Result);
                lane.Records.Enqueue(record);
                if (!lane.Scheduled)
                {
                    lane.Scheduled = true;
                    _woken.Add(lane);
                }
            }
        }

        foreach (var lane in _woken)
        {
            _ready.Writer.TryWrite(lane);
        }

        _woken.Clear();
    }

    /// <summary>Stops the workers once every queued lane has been run; call after the last <see cref="Enqueue"/>.</summary>
    public Task Complete()
    {
        _ready.Writer.TryComplete();
        return Task.WhenAll(_workers);
    }

    private async Task RunWorker()
    {
        await foreach (var lane in _ready.Reader.ReadAllAsync())
        {
            ConsumedRecord? record;
            lock (_gate)
            {
                record = HeadOrRetire(lane);
            }

            while (record is not null)
            {
                var defer = await _handle(record);
                if (defer > TimeSpan.Zero)
                {
                    _ = RunLaterAsync(lane, defer);
                    break;
                }

                // One lock turn per record: drop the finished head and take the next.
                lock (_gate)
                {
                    lane.Records.Dequeue();
                    record = HeadOrRetire(lane);
                }
            }
        }
    }

    /// <summary>Under the gate: the lane of a record's key, taken from the table, the spares or new.</summary>
    private Lane LaneOf(ConsumeResult<byte[]?, byte[]> result)
    {
        var key = new LaneKey(result.Message.Key, result.Topic, result.Partition.Value);
        ref var lane = ref CollectionsMarshal.GetValueRefOrAddDefault(_lanes, key, out var exists);
        if (!exists)
        {
            lane = _spareLanes.TryPop(out var spare) ? spare : new Lane();
            lane.Key = key;
        }

        return lane!;
    }

    /// <summary>Under the gate: the lane's next record, or null after retiring the lane because it ran empty.</summary>
    private ConsumedRecord? HeadOrRetire(Lane lane)
    {
        if (lane.Records.TryPeek(out var record))
        {
            return record;
        }

        Retire(lane);
        return null;
    }

    /// <summary>Under the gate: the lane ran empty, so it leaves the table; nothing else refers to it any more.</summary>
    private void Retire(Lane lane)
    {
        lane.Scheduled = false;
        _lanes.Remove(lane.Key);
        lane.Key = default;
        if (_spareLanes.Count < _maxSpareLanes)
        {
            _spareLanes.Push(lane);
        }
    }

    private async Task RunLaterAsync(Lane lane, TimeSpan delay)
    {
        await Task.Delay(delay);
        _ready.Writer.TryWrite(lane);
    }

    private sealed class Lane
    {
        public LaneKey Key { get; set; }

        public Queue<ConsumedRecord> Records { get; } = new();

        public bool Scheduled { get; set; }
    }
}
