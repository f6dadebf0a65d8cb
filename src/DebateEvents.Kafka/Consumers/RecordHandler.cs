using System.Diagnostics;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Processing;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// What a key lane does with its next record: skips it if its partition was rewound or revoked since it
/// was polled, defers it while it is a retry not yet due, otherwise hands it to the
/// <see cref="IRecordProcessor"/> and settles its partition's progress, metrics and circuit breaker by the outcome.
/// </summary>
internal sealed class RecordHandler
{
    private static readonly TimeSpan MaxDeferral = TimeSpan.FromMilliseconds(250);
    private readonly TopicConsumerSettings _settings;
    private readonly IRecordProcessor _processor;
    private readonly BackpressureGate _gate;
    private readonly EndpointCircuitBreaker _breaker;
    private readonly ConsumerStatus _status;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _processing = new();

    public RecordHandler(TopicConsumerSettings settings, IRecordProcessor processor, BackpressureGate gate, EndpointCircuitBreaker breaker,
        ConsumerStatus status, RiderMetrics metrics, ILogger logger)
    {
        _settings = settings;
        _processor = processor;
        _gate = gate;
        _breaker = breaker;
        _status = status;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Cancels the records still running: the consumer is gone and their drain timed out.</summary>
    public void CancelInFlight() => _processing.Cancel();

    /// <summary>Runs <paramref name="record"/>; a positive result defers it for that long at the head of its lane.</summary>
    public async ValueTask<TimeSpan> Handle(ConsumedRecord record)
    {
        if (!record.IsCurrent)
        {
            return Skip(record);
        }

        var dueIn = _processor.DueIn(record.Result);
        if (dueIn > TimeSpan.Zero)
        {
            // Wake up at least every quarter second so a stale deferred record leaves its lane soon.
            return dueIn < MaxDeferral ? dueIn : MaxDeferral;
        }

        if (!record.Partition.TryStart(record))
        {
            return Skip(record);
        }

        var started = Stopwatch.GetTimestamp();
        RecordOutcome outcome;
        try
        {
            outcome = await _processor.Process(record.Result, _processing.Token);
        }
        catch (Exception ex)
        {
            _logger.ProcessorThrew(ex, record.Result.Topic, record.Result.Partition.Value, record.Offset);
            outcome = RecordOutcome.Unsettled;
        }

        Settle(record, outcome, Stopwatch.GetElapsedTime(started));
        _gate.Settled();
        return TimeSpan.Zero;
    }

    private TimeSpan Skip(ConsumedRecord record)
    {
        record.Partition.Skip();
        _gate.Settled();
        return TimeSpan.Zero;
    }

    private void Settle(ConsumedRecord record, RecordOutcome outcome, TimeSpan elapsed)
    {
        if (outcome == RecordOutcome.Unsettled)
        {
            record.Partition.Fail(record);
            return;
        }

        record.Partition.Complete(record);
        _status.CountDelivered();
        if (outcome == RecordOutcome.Faulted)
        {
            _metrics.Failed(record.Result.Topic, _settings.GroupId);
        }
        else
        {
            _metrics.Processed(record.Result.Topic, _settings.GroupId, elapsed.TotalMilliseconds);
        }

        if (_breaker.Record(outcome == RecordOutcome.Faulted))
        {
            _logger.BreakerTripped(_settings.Topics[0], _settings.GroupId, _settings.CircuitBreaker.RestartTimeout);
        }
    }
}
