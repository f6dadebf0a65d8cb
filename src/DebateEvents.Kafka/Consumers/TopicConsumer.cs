using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Processing;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// One Kafka consumer from start to end: builds it, runs its <see cref="PollLoop"/> on a dedicated thread,
/// and on stop, abort or a fault lets its partitions go through the <see cref="RebalanceHandler"/> (drain,
/// commit, leave). It runs once: after a fault its <see cref="EndpointSupervisor"/> starts a new one.
/// Records travel poll loop → <see cref="KeyedLaneScheduler"/> → <see cref="RecordHandler"/> → <see cref="IRecordProcessor"/>.
/// </summary>
internal sealed class TopicConsumer
{
    private readonly TopicConsumerSettings _settings;
    private readonly ILogger _logger;
    private readonly KeyedLaneScheduler _lanes;
    private readonly RecordHandler _handler;
    private readonly RebalanceHandler _rebalance;
    private readonly PollLoop _loop;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;

    /// <summary>A consumer of the endpoint whose status and circuit breaker (both outlive it across restarts) are given.</summary>
    public TopicConsumer(TopicConsumerSettings settings, IRecordProcessor processor, RiderMetrics metrics, ILogger logger,
        ConsumerStatus status, EndpointCircuitBreaker breaker)
    {
        _settings = settings;
        _logger = logger;
        Status = status;
        var gate = new BackpressureGate(settings.MaxBufferedRecords);
        var partitions = new AssignedPartitions(settings, status, metrics, logger);
        var housekeeping = new PartitionHousekeeping(partitions, breaker, status, settings.CommitInterval);
        _handler = new RecordHandler(settings, processor, gate, breaker, status, metrics, logger);
        _lanes = new KeyedLaneScheduler(settings.ConcurrentMessageLimit, settings.MaxBufferedRecords, _handler.Handle);
        _rebalance = new RebalanceHandler(settings, processor, partitions, gate, housekeeping, logger);
        _loop = new PollLoop(settings, status, partitions, gate, _lanes, housekeeping, metrics, logger);
    }

    /// <summary>Completes when the group first assigned partitions to this consumer.</summary>
    public Task FirstAssignment => _rebalance.FirstAssignment;

    /// <summary>Completes when the poll thread has exited.</summary>
    public Task Completed => _completed.Task;

    public ConsumerStatus Status { get; }

    /// <summary>What ended the poll loop other than a stop, or what kept the consumer from being built; null otherwise.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>Set when building the Kafka consumer failed (librdkafka rejected the configuration, say); also the <see cref="Fault"/>.</summary>
    public Exception? BuildError { get; private set; }

    /// <summary>Builds the Kafka consumer and polls it on a new thread; if it cannot be built, completes at once with <see cref="BuildError"/>.</summary>
    public void Start()
    {
        IConsumer<byte[]?, byte[]> consumer;
        _logger.Connecting(_settings.Endpoint, _settings.ConsumerConfig.BootstrapServers);
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

        await _lanes.Complete().WaitAsync(cancellationToken);
    }

    /// <summary>Simulates a crash: stops without committing anything further and without leaving the group cleanly.</summary>
    public Task Abort(CancellationToken cancellationToken)
    {
        _rebalance.Abandon();
        return Stop(cancellationToken);
    }

    private IConsumer<byte[]?, byte[]> BuildConsumer() =>
        new ConsumerBuilder<byte[]?, byte[]>(_settings.ConsumerConfig)
            .SetErrorHandler((_, error) => _loop.OnError(error))
            .SetLogHandler((_, message) => _logger.Librdkafka(message.Facility, message.Message))
            .SetPartitionsAssignedHandler((c, partitions) => _rebalance.Assigned(c, partitions))
            .SetPartitionsRevokedHandler((c, partitions) => _rebalance.Revoked(c, partitions.Select(p => p.TopicPartition)))
            .SetPartitionsLostHandler((c, partitions) => _rebalance.Lost(c, partitions.Select(p => p.TopicPartition)))
            .Build();

    private void Run(IConsumer<byte[]?, byte[]> consumer)
    {
        try
        {
            _loop.Run(consumer, _stopping.Token);
            _rebalance.Shutdown(consumer);
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
            _handler.CancelInFlight();
            _logger.Stopped(_settings.Endpoint, Status.Delivered);
            _completed.TrySetResult();
        }
    }

    private void Faulted(Exception exception)
    {
        Fault = exception;
        Status.Restarts.Faulted(exception);
        _logger.ConsumerFaulted(exception, _settings.Topics[0], _settings.GroupId);
    }

    /// <summary>
    /// After a fault, stops like a shutdown (drain, commit what settled, leave the group) if the consumer
    /// still can; otherwise lets its partitions go uncommitted, so their unfinished records are redelivered.
    /// </summary>
    private void ShutdownAfterFault(IConsumer<byte[]?, byte[]> consumer)
    {
        if (!TryShutdown(consumer))
        {
            _rebalance.Abandon();
            TryShutdown(consumer);
        }
    }

    private bool TryShutdown(IConsumer<byte[]?, byte[]> consumer)
    {
        try
        {
            _rebalance.Shutdown(consumer);
            return true;
        }
        catch (Exception ex)
        {
            _logger.ShutdownAfterFaultFailed(ex, _settings.Topics[0], _settings.GroupId);
            return false;
        }
    }
}
