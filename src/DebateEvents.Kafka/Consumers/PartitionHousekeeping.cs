using Confluent.Kafka;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// The periodic work of the poll thread between polls, on its own clock: every few milliseconds rewind and
/// pause or resume partitions (the breaker's and an operator's pause; and publish the breaker's state), every commit interval commit and report lag.
/// </summary>
internal sealed class PartitionHousekeeping
{
    private static readonly long Interval = TimeSpan.FromMilliseconds(10).Ticks;
    private readonly AssignedPartitions _partitions;
    private readonly EndpointCircuitBreaker _breaker;
    private readonly ConsumerStatus _status;
    private readonly long _commitInterval;
    private long _next;
    private long _nextCommit;

    public PartitionHousekeeping(AssignedPartitions partitions, EndpointCircuitBreaker breaker, ConsumerStatus status, TimeSpan commitInterval)
    {
        _partitions = partitions;
        _breaker = breaker;
        _status = status;
        _commitInterval = commitInterval.Ticks;
    }

    /// <summary>Does what is due; cheap when nothing is.</summary>
    public void Run(IConsumer<byte[]?, byte[]> consumer)
    {
        var now = DateTime.UtcNow.Ticks;
        if (now < _next)
        {
            return;
        }

        _next = now + Interval;
        _partitions.Rewind(consumer, now);
        var breakerOpen = _breaker.IsOpen;
        _status.CircuitOpen = breakerOpen;
        _status.CircuitTrips = _breaker.Trips;
        // An operator's pause holds every partition the way an open breaker does.
        _partitions.UpdatePauses(consumer, now, breakerOpen || _status.Paused);
        if (now >= _nextCommit)
        {
            _nextCommit = now + _commitInterval;
            _partitions.Commit(consumer);
            _partitions.UpdateLag(consumer);
        }
    }

    /// <summary>Makes the next <see cref="Run"/> do its work at once: the poll was idle, or partitions were assigned.</summary>
    public void RunSoon() => _next = 0;
}
