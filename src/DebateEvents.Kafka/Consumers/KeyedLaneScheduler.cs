using System.Threading.Channels;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// Runs records with the same key strictly one after another in arrival order, and records with
/// different keys concurrently on up to <c>concurrency</c> workers. A lane exists only while its key
/// has queued records; a worker owns a lane until it is empty, so no two workers ever run one key.
/// A handler may defer its record (a retry that is not due yet): the record stays at the head of its
/// lane, the worker moves on, and the lane is run again after the returned delay.
/// Emptied lanes are kept for reuse (a few per worker): with many keys nearly every record opens a lane.
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

    public KeyedLaneScheduler(int concurrency, Func<ConsumedRecord, ValueTask<TimeSpan>> handle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _handle = handle;
        _maxSpareLanes = concurrency * 4;
        _workers = new Task[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            _workers[i] = Task.Run(RunWorker);
        }
    }

    /// <summary>Queues a record behind earlier records of its key.</summary>
    public void Enqueue(ConsumedRecord record)
    {
        var result = record.Result;
        var key = new LaneKey(result.Message.Key, result.Topic, result.Partition.Value);
        Lane? lane;
        lock (_gate)
        {
            if (!_lanes.TryGetValue(key, out lane))
            {
                lane = _spareLanes.TryPop(out var spare) ? spare : new Lane();
                lane.Key = key;
                _lanes.Add(key, lane);
            }

            lane.Records.Enqueue(record);
            if (lane.Scheduled)
            {
                return;
            }

            lane.Scheduled = true;
        }

        _ready.Writer.TryWrite(lane);
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
            while (true)
            {
                ConsumedRecord? record;
                lock (_gate)
                {
                    if (!lane.Records.TryPeek(out record))
                    {
                        Retire(lane);
                        break;
                    }
                }

                var defer = await _handle(record);
                if (defer > TimeSpan.Zero)
                {
                    _ = RunLaterAsync(lane, defer);
                    break;
                }

                lock (_gate)
                {
                    lane.Records.Dequeue();
                }
            }
        }
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
