using System.Diagnostics;
using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// One Kafka consumer on its own long-running thread: polls, hands records to key lanes, commits
/// contiguous watermarks, pauses partitions for backpressure, rewinds and the circuit breaker, and on
/// revoke, shutdown or a fault stops dispatching, drains in-flight records and commits before letting go.
/// It runs once: after a fault its <see cref="EndpointSupervisor"/> starts a new one.
/// </summary>
internal sealed partial class TopicConsumer
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxDeferral = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan HousekeepingWait = TimeSpan.FromMilliseconds(10);
    private readonly TopicConsumerSettings _settings;
    private readonly IRecordProcessor _processor;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;
    private readonly Dictionary<TopicPartition, PartitionProgress> _partitions = [];
    private readonly HashSet<TopicPartition> _paused = [];
    private readonly KeyedLaneScheduler _scheduler;
    private readonly EndpointCircuitBreaker _breaker;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _processing = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstAssignment = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _settled = new(false);
    private readonly ManualResetEventSlim _room = new(false);
    private Thread? _thread;
    private int _outstanding;
    private volatile bool _draining;
    private volatile bool _abort;
    private volatile bool _waitingForRoom;
    private long _nextHousekeeping;
    private long _nextCommit;
    private long _lastPollTick;
    private PartitionProgress? _lastPartition;

    /// <summary>A consumer of the endpoint whose status and circuit breaker (both outlive it across restarts) are given.</summary>
    public TopicConsumer(TopicConsumerSettings settings, IRecordProcessor processor, RiderMetrics metrics, ILogger logger,
        ConsumerStatus status, EndpointCircuitBreaker breaker)
    {
        _settings = settings;
        _processor = processor;
        _metrics = metrics;
        _logger = logger;
        Status = status;
        _breaker = breaker;
        _scheduler = new KeyedLaneScheduler(settings.ConcurrentMessageLimit, Handle);
    }

    /// <summary>Completes when the group first assigned partitions to this consumer.</summary>
    public Task FirstAssignment => _firstAssignment.Task;

    /// <summary>Completes when the poll thread has exited.</summary>
    public Task Completed => _completed.Task;

    public ConsumerStatus Status { get; }

    /// <summary>Builds the Kafka consumer and polls it on a new thread; if it cannot be built, completes at once with <see cref="BuildError"/>.</summary>
    public void Start()
    {
        IConsumer<byte[]?, byte[]> consumer;
        try
        {
            consumer = BuildConsumer();
        }
        catch (Exception ex)
        {
            BuildError = ex;
            Faulted(ex);
            _completed.TrySetResult();
            return;
        }

        _thread = new Thread(() => Run(consumer)) { IsBackground = true, Name = $"kafka {_settings.Topics[0]} ({_settings.GroupId})" };
        _thread.Start();
    }

    /// <summary>Stops polling, drains in-flight records within the drain timeout, commits and closes.</summary>
    public async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_thread is not null)
        {
            await _completed.Task.WaitAsync(cancellationToken);
        }

        await _scheduler.Complete().WaitAsync(cancellationToken);
    }

    /// <summary>Simulates a crash: stops without committing anything further and without leaving the group cleanly.</summary>
    public Task Abort(CancellationToken cancellationToken)
    {
        _abort = true;
        return Stop(cancellationToken);
    }

    private void Run(IConsumer<byte[]?, byte[]> consumer)
    {
        try
        {
            PollUntilStopped(consumer);
            Shutdown(consumer);
        }
        catch (Exception ex)
        {
            Faulted(ex);
            ShutdownAfterFault(consumer);
        }
        finally
        {
            consumer.Dispose();
            Status.Running = false;
            _processing.Cancel();
            _completed.TrySetResult();
        }
    }

    private void PollUntilStopped(IConsumer<byte[]?, byte[]> consumer)
    {
        CheckRetryTopicLayout(consumer);
        consumer.Subscribe(_settings.Topics);
        Status.Running = true;
        Status.Restarts.Recovered();
        while (!_stopping.IsCancellationRequested)
        {
            ThrowIfFaulted();
            if (Volatile.Read(ref _outstanding) >= _settings.MaxBufferedRecords)
            {
                WaitForRoom();
            }
            else
            {
                Poll(consumer);
            }

            Housekeeping(consumer);
        }
    }

    private void CheckRetryTopicLayout(IConsumer<byte[]?, byte[]> consumer)
    {
        if (_settings.Topics.Count > 1
            && RetryTopicLayout.FindProblem(consumer, _settings.Topics[0], _settings.Topics[1], TimeSpan.FromSeconds(5)) is { } problem)
        {
            Status.Problem = problem;
            LogLayoutProblem(_settings.Topics[0], _settings.GroupId, problem);
        }
    }

    private IConsumer<byte[]?, byte[]> BuildConsumer() =>
        new ConsumerBuilder<byte[]?, byte[]>(_settings.ConsumerConfig)
            .SetErrorHandler((_, error) => OnError(error))
            .SetLogHandler((_, message) => LogLibrdkafka(message.Facility, message.Message))
            .SetPartitionsAssignedHandler((c, partitions) => OnAssigned(c, partitions))
            .SetPartitionsRevokedHandler((c, partitions) => RevokeAndDrain(c, partitions.Select(p => p.TopicPartition), commit: !_abort))
            .SetPartitionsLostHandler((c, partitions) => RevokeAndDrain(c, partitions.Select(p => p.TopicPartition), commit: false))
            .Build();

    private void Poll(IConsumer<byte[]?, byte[]> consumer)
    {
        ConsumeResult<byte[]?, byte[]>? result;
        try
        {
            result = consumer.Consume(PollTimeout);
        }
        catch (ConsumeException ex)
        {
            LogKafkaError(ex.Error.Code, ex.Error.Reason, _settings.Topics[0], _settings.GroupId);
            return;
        }

        var now = Environment.TickCount64;
        if (now != _lastPollTick)
        {
            // Health reads this; once per millisecond is plenty, and DateTimeOffset.UtcNow per record is not free.
            _lastPollTick = now;
            Status.LastPoll = DateTimeOffset.UtcNow;
        }

        if (result is null || result.IsPartitionEOF || FindPartition(result) is not { } partition)
        {
            _nextHousekeeping = 0;
            return;
        }

        var record = partition.Track(result);
        if (record is null)
        {
            return;
        }

        Interlocked.Increment(ref _outstanding);
        _metrics.Consumed(result.Topic, _settings.GroupId);
        _scheduler.Enqueue(record);
    }

    private async ValueTask<TimeSpan> Handle(ConsumedRecord record)
    {
        var partition = record.Partition;
        if (!record.IsCurrent)
        {
            partition.Skip();
            Settled();
            return TimeSpan.Zero;
        }

        var dueIn = _processor.DueIn(record.Result);
        if (dueIn > TimeSpan.Zero)
        {
            // Wake up at least every quarter second so a revoke never waits for a long retry delay.
            return dueIn < MaxDeferral ? dueIn : MaxDeferral;
        }

        var started = Stopwatch.GetTimestamp();
        RecordOutcome outcome;
        try
        {
            outcome = await _processor.Process(record.Result, _processing.Token);
        }
        catch (Exception ex)
        {
            LogProcessorThrew(ex, record.Result.Topic, record.Result.Partition.Value, record.Offset);
            outcome = RecordOutcome.Unsettled;
        }

        if (outcome == RecordOutcome.Unsettled)
        {
            partition.Fail(record);
        }
        else
        {
            partition.Complete(record);
            Status.CountDelivered();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (outcome == RecordOutcome.Faulted)
            {
                _metrics.Failed(record.Result.Topic, _settings.GroupId);
            }
            else
            {
                _metrics.Processed(record.Result.Topic, _settings.GroupId, elapsed);
            }

            if (_breaker.Record(outcome == RecordOutcome.Faulted))
            {
                LogBreakerTripped(_settings.Topics[0], _settings.GroupId, _settings.CircuitBreaker.RestartTimeout);
            }
        }

        Settled();
        return TimeSpan.Zero;
    }
}
