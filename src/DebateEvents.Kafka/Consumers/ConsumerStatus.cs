using DebateEvents.Kafka.Configuration;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// What the health check reports about one topic endpoint; written by the poll thread of its current
/// consumer, and kept across restarts by its <see cref="EndpointSupervisor"/>.
/// </summary>
internal sealed class ConsumerStatus
{
    private long _lastPollTicks;
    private long _lastCommitTicks;
    private long _delivered;
    private volatile bool _running;
    private volatile bool _circuitOpen;
    private volatile bool _paused;
    private IReadOnlyList<string> _partitions = [];
    private volatile int _assignedPartitions;
    private volatile int _circuitTrips;
    private string? _problem;

    public ConsumerStatus(EndpointRestartOptions restarts)
    {
        Restarts = new RestartHistory(restarts);
    }

    public bool Running { get => _running; set => _running = value; }

    public RestartHistory Restarts { get; }

    /// <summary>A standing problem with the endpoint's topics that the health check reports as degraded, or null.</summary>
    public string? Problem { get => Volatile.Read(ref _problem); set => Volatile.Write(ref _problem, value); }

    public bool CircuitOpen { get => _circuitOpen; set => _circuitOpen = value; }

    public int AssignedPartitions { get => _assignedPartitions; set => _assignedPartitions = value; }

    /// <summary>The assigned partitions as <c>{topic}/{partition}</c>, sorted; replaced whole on every change.</summary>
    public IReadOnlyList<string> Partitions { get => Volatile.Read(ref _partitions); set => Volatile.Write(ref _partitions, value); }

    /// <summary>
    /// An operator paused the endpoint: its consumer keeps its group membership and polls, but every partition stays paused
    /// until resumed. Kept across restarts, so a restarted consumer comes up paused too.
    /// </summary>
    public bool Paused { get => _paused; set => _paused = value; }

    public int CircuitTrips { get => _circuitTrips; set => _circuitTrips = value; }

    /// <summary>Records settled so far.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    public void CountDelivered() => Interlocked.Increment(ref _delivered);

    public DateTimeOffset LastPoll
    {
        get => new(Interlocked.Read(ref _lastPollTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastPollTicks, value.UtcTicks);
    }

    public DateTimeOffset LastCommit
    {
        get => new(Interlocked.Read(ref _lastCommitTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _lastCommitTicks, value.UtcTicks);
    }
}
