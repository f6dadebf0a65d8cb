using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Retry;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// The turns of the poll thread until stopped: poll a chunk of records and queue each in its key lane, or
/// wait while the buffer is full, then housekeeping. A fatal librdkafka error, or an exception, ends it as a fault.
/// </summary>
internal sealed class PollLoop
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private const int MaxChunk = 64;
    private readonly List<ConsumedRecord> _chunk = new(MaxChunk);
    private readonly TopicConsumerSettings _settings;
    private readonly ConsumerStatus _status;
    private readonly AssignedPartitions _partitions;
    private readonly BackpressureGate _gate;
    private readonly KeyedLaneScheduler _lanes;
    private readonly PartitionHousekeeping _housekeeping;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;
    private volatile Error? _fatalError;
    private long _lastPollTick;

    public PollLoop(TopicConsumerSettings settings, ConsumerStatus status, AssignedPartitions partitions, BackpressureGate gate,
        KeyedLaneScheduler lanes, PartitionHousekeeping housekeeping, RiderMetrics metrics, ILogger logger)
    {
        _settings = settings;
        _status = status;
        _partitions = partitions;
        _gate = gate;
        _lanes = lanes;
        _housekeeping = housekeeping;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Subscribes and polls until <paramref name="stopping"/> is cancelled; throws on a fault.</summary>
    public void Run(IConsumer<byte[]?, byte[]> consumer, CancellationToken stopping)
    {
        CheckRetryTopicLayout(consumer);
        consumer.Subscribe(_settings.Topics);
        _logger.Connected(_settings.Endpoint, string.Join(", ", _settings.Topics));
        _status.Running = true;
        _status.Restarts.Recovered();
        while (!stopping.IsCancellationRequested)
        {
            ThrowIfFaulted();
            if (_gate.IsFull)
            {
                _gate.WaitForRoom();
            }
            else
            {
                Poll(consumer);
            }

            _housekeeping.Run(consumer);
        }
    }

    /// <summary>librdkafka retries its own errors, except fatal ones: those end the loop as a fault.</summary>
    public void OnError(Error error)
    {
        _logger.KafkaError(error.Code, error.Reason, _settings.Topics[0], _settings.GroupId);
        if (error.IsFatal)
        {
            _fatalError = error;
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fatalError is { } fatal)
        {
            throw new KafkaException(fatal);
        }

        if (_settings.PollFault?.Invoke() is { } injected)
        {
            throw injected;
        }
    }

    private void CheckRetryTopicLayout(IConsumer<byte[]?, byte[]> consumer)
    {
        if (_settings.Topics.Count > 1
            && RetryTopicLayout.FindProblem(consumer, _settings.Topics[0], _settings.Topics[1], TimeSpan.FromSeconds(5)) is { } problem)
        {
            _status.Problem = problem;
            _logger.LayoutProblem(_settings.Topics[0], _settings.GroupId, problem);
        }
    }

    /// <summary>
    /// Polls what librdkafka has ready, up to <see cref="MaxChunk"/> records and no further than the buffer
    /// allows, waiting only for the first; then hands the chunk to the lanes in one go.
    /// </summary>
    private void Poll(IConsumer<byte[]?, byte[]> consumer)
    {
        var timeout = PollTimeout;
        while (_chunk.Count < MaxChunk && _gate.HasRoomFor(_chunk.Count + 1) && TryPoll(consumer, timeout))
        {
            timeout = TimeSpan.Zero;
        }

        if (_chunk.Count == 0)
        {
            return;
        }

        _gate.Polled(_chunk.Count);
        _lanes.Enqueue(_chunk);
        _chunk.Clear();
    }

    /// <summary>Polls one record into the chunk; false when none came (or it is not for this consumer), so the chunk ends.</summary>
    private bool TryPoll(IConsumer<byte[]?, byte[]> consumer, TimeSpan timeout)
    {
        ConsumeResult<byte[]?, byte[]>? result;
        try
        {
            result = consumer.Consume(timeout);
        }
        catch (ConsumeException ex)
        {
            _logger.KafkaError(ex.Error.Code, ex.Error.Reason, _settings.Topics[0], _settings.GroupId);
            return false;
        }

        var now = Environment.TickCount64;
        if (now != _lastPollTick)
        {
            // Health reads this; once per millisecond is plenty, and DateTimeOffset.UtcNow per record is not free.
            _lastPollTick = now;
            _status.LastPoll = DateTimeOffset.UtcNow;
        }

        if (result is null || result.IsPartitionEOF || _partitions.Find(result) is not { } partition)
        {
            _housekeeping.RunSoon();
            return false;
        }

        if (partition.Track(result) is not { } record)
        {
            return false;
        }

        _metrics.Consumed(result.Topic, _settings.GroupId);
        _chunk.Add(record);
        return true;
    }
}
