using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace DebateEvents.Host.Stats;

/// <summary>
/// Listens to the rider's (<c>DebateEvents.Kafka</c>) and the outbox's (<c>DebateEvents.Outbox</c>) instruments of this
/// host only (meters from its own <see cref="IMeterFactory"/>; other hosts in the process have their own) and keeps
/// per-topic counts, the outbox backlog and recent publish latencies.
/// </summary>
internal sealed class KafkaTrafficStats : IDisposable
{
    private readonly IMeterFactory _meters;
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, TopicCounters> _topics = new(StringComparer.Ordinal);
    private readonly LatencyWindow _latency = new();
    private readonly Lock _gauges = new();
    private readonly Dictionary<string, long> _lag = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Topic, string Group), long> _groupLag = [];
    private long _backlog;
    private long _delivered;
    private double _oldestAgeSeconds;

    /// <summary>Starts listening; instruments created before or after are both seen.</summary>
    public KafkaTrafficStats(IMeterFactory meters)
    {
        _meters = meters;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, _meters) && instrument.Meter.Name is "DebateEvents.Kafka" or "DebateEvents.Outbox")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        _listener.Start();
    }

    /// <summary>Counts per topic, by topic name.</summary>
    public IReadOnlyDictionary<string, TopicCounters> Topics => _topics;

    /// <summary>Publish-to-acknowledgement latencies of the newest outbox deliveries.</summary>
    public LatencyWindow PublishLatency => _latency;

    /// <summary>Outbox rows the broker acknowledged; the outbox sends with a producer of its own, which the rider's counts leave out.</summary>
    public long OutboxDelivered => Interlocked.Read(ref _delivered);

    /// <summary>Reads the observable gauges now: undelivered outbox rows and the oldest one's age in seconds.</summary>
    public (long Backlog, double OldestAgeSeconds) Outbox()
    {
        lock (_gauges)
        {
            _listener.RecordObservableInstruments();
            return (Interlocked.Read(ref _backlog), Volatile.Read(ref _oldestAgeSeconds));
        }
    }

    /// <summary>The consumers' lag summed per topic, read from the rider's lag gauge now.</summary>
    public IReadOnlyDictionary<string, long> LagPerTopic()
    {
        lock (_gauges)
        {
            _lag.Clear();
            _listener.RecordObservableInstruments();
            return new Dictionary<string, long>(_lag, StringComparer.Ordinal);
        }
    }

    /// <summary>The consumers' lag summed per (topic, group), read from the rider's lag gauge now.</summary>
    public IReadOnlyDictionary<(string Topic, string Group), long> LagPerGroup()
    {
        lock (_gauges)
        {
            _lag.Clear();
            _groupLag.Clear();
            _listener.RecordObservableInstruments();
            return new Dictionary<(string Topic, string Group), long>(_groupLag);
        }
    }

    private void OnMeasurement<T>(string instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        switch (instrument)
        {
            case "debateevents.outbox.backlog":
                Interlocked.Exchange(ref _backlog, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case "debateevents.outbox.oldest_age":
                Volatile.Write(ref _oldestAgeSeconds, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case "debateevents.outbox.delivered":
                // Also counted per topic below, from its messaging.destination.name tag.
                Interlocked.Add(ref _delivered, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case "debateevents.outbox.delivery_lag":
                _latency.Add(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
        }

        string? topic = null;
        string? group = null;
        var failed = false;
        foreach (var (key, tag) in tags)
        {
            topic = key == "messaging.destination.name" ? tag as string : topic;
            group = key == "messaging.consumer.group.name" ? tag as string : group;
            failed |= key == "error.type";
        }

        if (topic is not null && instrument == "debateevents.kafka.consumer.lag")
        {
            // Observable: only ever reported inside RecordObservableInstruments, under the gauges' lock.
            var lag = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            _lag[topic] = _lag.GetValueOrDefault(topic) + lag;
            _groupLag[(topic, group ?? "")] = _groupLag.GetValueOrDefault((topic, group ?? "")) + lag;
        }
        else if (topic is not null)
        {
            // Histograms count one per measurement; counters add their value.
            var count = instrument == "messaging.process.duration" ? 1 : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            _topics.GetOrAdd(topic, _ => new TopicCounters()).Add(instrument, count, failed);
        }
    }

    /// <summary>Stops listening.</summary>
    public void Dispose() => _listener.Dispose();
}
