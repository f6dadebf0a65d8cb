using Confluent.Kafka;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Processing;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// Keeps a topic endpoint consuming. Starts its <see cref="TopicConsumer"/>; when that faults, waits until it
/// has stopped (its in-flight records finished or abandoned uncommitted), backs off, and starts a new one in
/// the same group, which resumes from the committed offsets. A configuration librdkafka rejects fails the
/// first start instead, since no restart could fix it. Owns what outlives a consumer: status, breaker, backoff.
/// </summary>
internal sealed partial class EndpointSupervisor
{
    private readonly TopicConsumerSettings _settings;
    private readonly IRecordProcessor _processor;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EndpointCircuitBreaker _breaker;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _firstAssignment = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TopicConsumer? _current;
    private bool _stopped;
    private Task _supervising = Task.CompletedTask;

    public EndpointSupervisor(TopicConsumerSettings settings, IRecordProcessor processor, RiderMetrics metrics, ILogger logger,
        TimeProvider? time = null)
    {
        _settings = settings;
        _processor = processor;
        _metrics = metrics;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _breaker = new EndpointCircuitBreaker(settings.CircuitBreaker, _time);
        Status = new ConsumerStatus(settings.Restarts);
    }

    /// <summary>The endpoint's status across all its consumers.</summary>
    public ConsumerStatus Status { get; }

    public TopicConsumerSettings Settings => _settings;

    /// <summary>Completes when the group first assigned partitions to one of the endpoint's consumers.</summary>
    public Task FirstAssignment => _firstAssignment.Task;

    /// <summary>Starts the first consumer and supervises it and its successors until <see cref="Stop(CancellationToken)"/>.</summary>
    /// <exception cref="ConfigurationException">librdkafka rejected the consumer's configuration; the message names the setting.</exception>
    public async Task Start(CancellationToken cancellationToken)
    {
        var consumer = NewConsumer();
        consumer.Start();
        if (consumer.BuildError is { } error && IsConfigurationError(error))
        {
            await consumer.Stop(cancellationToken);
            throw new ConfigurationException($"Kafka topic endpoint {_settings.Endpoint} cannot create its consumer: {error.Message}", error);
        }

        lock (_gate)
        {
            _current = consumer;
        }

        _supervising = Task.Run(() => Supervise(consumer, _stopping.Token), CancellationToken.None);
    }

    /// <summary>Stops the current consumer (drain, commit, close), or ends a backoff wait at once; no restart follows.</summary>
    public Task Stop(CancellationToken cancellationToken) => Stop(abort: false, cancellationToken);

    /// <summary>Simulates a crash of the current consumer (no further commits, no clean leave); no restart follows.</summary>
    public Task Abort(CancellationToken cancellationToken) => Stop(abort: true, cancellationToken);

    /// <summary>The backoff before a restart: <paramref name="attempt"/> counts consecutive faults from 1; <paramref name="random"/> is in [0, 1).</summary>
    public static TimeSpan Backoff(int attempt, EndpointRestartOptions options, double random)
    {
        var exponential = options.FirstDelay.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, options.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped * (1 - (0.2 * random))));
    }

    /// <summary>Rejected by librdkafka or by Confluent.Kafka's checks while building: unknown or invalid properties.</summary>
    private static bool IsConfigurationError(Exception exception) =>
        exception is ArgumentException or InvalidOperationException or KafkaException { Error.Code: ErrorCode.Local_InvalidArg };

    private async Task Stop(bool abort, CancellationToken cancellationToken)
    {
        TopicConsumer? current;
        lock (_gate)
        {
            _stopped = true;
            current = _current;
        }

        await _stopping.CancelAsync();
        if (current is not null)
        {
            await (abort ? current.Abort(cancellationToken) : current.Stop(cancellationToken));
        }

        await _supervising.WaitAsync(cancellationToken);
    }

    private async Task Supervise(TopicConsumer consumer, CancellationToken cancellationToken)
    {
        var consecutive = 0;
        while (true)
        {
            var startedAt = _time.GetUtcNow();
            await consumer.Completed;

            // Its in-flight records end before a new consumer may receive them again: no record runs twice at once.
            await consumer.Stop(CancellationToken.None);
            if (consumer.Fault is not { } fault || cancellationToken.IsCancellationRequested)
            {
                return;
            }

            consecutive = _time.GetUtcNow() - startedAt >= _settings.Restarts.MaxDelay ? 1 : consecutive + 1;
            var delay = Backoff(consecutive, _settings.Restarts, Random.Shared.NextDouble());
            LogRestarting(_settings.Endpoint, Status.Restarts.Count + 1, delay, fault.GetType().Name, fault.Message);
            try
            {
                await Task.Delay(delay, _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (Restart() is not { } next)
            {
                return;
            }

            consumer = next;
        }
    }

    /// <summary>Starts the next consumer, unless the endpoint is stopping.</summary>
    private TopicConsumer? Restart()
    {
        TopicConsumer consumer;
        lock (_gate)
        {
            if (_stopped)
            {
                return null;
            }

            consumer = NewConsumer();
            consumer.Start();
            _current = consumer;
        }

        Status.Restarts.Restarted(_time.GetUtcNow());
        _metrics.Restarted(_settings.Topics[0], _settings.GroupId);
        LogRestarted(_settings.Endpoint, Status.Restarts.Count);
        return consumer;
    }

    private TopicConsumer NewConsumer()
    {
        var consumer = new TopicConsumer(_settings, _processor, _metrics, _logger, Status, _breaker);
        consumer.FirstAssignment.ContinueWith(_ => _firstAssignment.TrySetResult(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return consumer;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topic endpoint {Endpoint} faulted ({FaultType}: {Fault}); restart {Restart} in {Delay}")]
    private partial void LogRestarting(string endpoint, int restart, TimeSpan delay, string faultType, string fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic endpoint {Endpoint} restarted its consumer (restart {Restart})")]
    private partial void LogRestarted(string endpoint, int restart);
}
