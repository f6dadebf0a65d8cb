using System.Diagnostics.Metrics;

namespace DebateEvents.Outbox.Diagnostics;

/// <summary>
/// The outbox's instruments on the <c>DebateEvents.Outbox</c> meter: delivered, failed and parked
/// counters, producer restarts, commit-to-acknowledgement lag, and the backlog gauges the dispatcher refreshes.
/// </summary>
internal sealed class OutboxMetrics : IDisposable
{
    public const string MeterName = "DebateEvents.Outbox";

    private readonly Meter _meter;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _parked;
    private readonly Counter<long> _orderGaps;
    private readonly Counter<long> _producerRestarts;
    private readonly Histogram<double> _lag;
    private long _backlog;
    private long _restarts;
    private double _oldestAgeSeconds;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(MeterName);
        _delivered = _meter.CreateCounter<long>("debateevents.outbox.delivered", "{event}", "Outbox rows acknowledged by Kafka.");
        _failed = _meter.CreateCounter<long>("debateevents.outbox.failed", "{attempt}", "Delivery attempts that failed and will be retried.");
        _parked = _meter.CreateCounter<long>("debateevents.outbox.parked", "{event}", "Rows parked in the dead-letter table.");
        _orderGaps = _meter.CreateCounter<long>("debateevents.outbox.order_gaps", "{event}",
            "Rows acknowledged after an earlier row of the same key failed in the same batch (should stay zero).");
        _producerRestarts = _meter.CreateCounter<long>("debateevents.outbox.producer_restarts", "{restart}",
            "Producers replaced after a fatal error (a rejected record that would otherwise leave a gap in its key's order).");
        _lag = _meter.CreateHistogram<double>("debateevents.outbox.delivery_lag", "ms", "Time from publish to broker acknowledgement.");
        _meter.CreateObservableGauge("debateevents.outbox.backlog", () => Interlocked.Read(ref _backlog), "{event}", "Undelivered outbox rows.");
        _meter.CreateObservableGauge("debateevents.outbox.oldest_age", () => Volatile.Read(ref _oldestAgeSeconds), "s",
            "Age of the oldest undelivered outbox row.");
    }

    /// <summary>Undelivered rows at the last measurement.</summary>
    public long Backlog => Interlocked.Read(ref _backlog);

    /// <summary>Age in seconds of the oldest undelivered row at the last measurement.</summary>
    public double OldestAgeSeconds => Volatile.Read(ref _oldestAgeSeconds);

    /// <summary>Counts rows acknowledged for <paramref name="topic"/>, tagged with it as the rider tags its own sends.</summary>
    public void Delivered(string topic, int count) =>
        _delivered.Add(count, new KeyValuePair<string, object?>("messaging.destination.name", topic));

    public void Failed(int count) => _failed.Add(count);

    public void Parked(int count) => _parked.Add(count);

    public void OrderGap() => _orderGaps.Add(1);

    /// <summary>Producers replaced after a fatal error since start.</summary>
    public long ProducerRestarts => Interlocked.Read(ref _restarts);

    public void ProducerRestarted()
    {
        Interlocked.Increment(ref _restarts);
        _producerRestarts.Add(1);
    }

    public void RecordLag(double milliseconds) => _lag.Record(milliseconds);

    public void SetBacklog(long count, double oldestAgeSeconds)
    {
        Interlocked.Exchange(ref _backlog, count);
        Volatile.Write(ref _oldestAgeSeconds, oldestAgeSeconds);
    }

    public void Dispose() => _meter.Dispose();
}
