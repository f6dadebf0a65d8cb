using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>The rider's instruments; one instance per rider, tagged by topic (and consumer group where it applies).</summary>
internal sealed class RiderMetrics : IDisposable
{
    private readonly Meter _meter = new(KafkaTelemetry.Name);
    private readonly Counter<long> _produced;
    private readonly Counter<long> _produceErrors;
    private readonly Counter<long> _consumed;
    private readonly Counter<long> _processed;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _restarts;
    private readonly Histogram<double> _handlingDuration;
    private readonly ConcurrentDictionary<(string Group, TopicPartition Partition), long> _lag = new();

    public RiderMetrics()
    {
        _produced = _meter.CreateCounter<long>("kafka.producer.records", "{record}", "Records acknowledged by the broker.");
        _produceErrors = _meter.CreateCounter<long>("kafka.producer.errors", "{record}", "Records whose delivery failed.");
        _consumed = _meter.CreateCounter<long>("kafka.consumer.records", "{record}", "Records polled from the broker.");
        _processed = _meter.CreateCounter<long>("kafka.consumer.processed", "{record}", "Records consumed successfully.");
        _failed = _meter.CreateCounter<long>("kafka.consumer.failed", "{record}", "Records settled by the retry or dead-letter topic because they could not be consumed.");
        _retried = _meter.CreateCounter<long>("kafka.consumer.retried", "{record}", "Records sent to the retry topic.");
        _deadLettered = _meter.CreateCounter<long>("kafka.consumer.dead_lettered", "{record}", "Records written to the dead-letter topic.");
        _restarts = _meter.CreateCounter<long>("kafka.consumer.restarts", "{restart}", "Consumers a topic endpoint started again after a fault.");
        _handlingDuration = _meter.CreateHistogram<double>("kafka.consumer.handling.duration", "ms", "Time from dispatch to settlement of a record.");
        _meter.CreateObservableGauge("kafka.consumer.lag", ObserveLag, "{record}", "High watermark minus the next offset to consume, per partition.");
    }

    public void Produced(string topic) => _produced.Add(1, Tag("topic", topic));

    public void ProduceFailed(string topic) => _produceErrors.Add(1, Tag("topic", topic));

    public void Consumed(string topic, string group) => _consumed.Add(1, Tag("topic", topic), Tag("group", group));

    public void Processed(string topic, string group, double milliseconds)
    {
        _processed.Add(1, Tag("topic", topic), Tag("group", group));
        _handlingDuration.Record(milliseconds, Tag("topic", topic), Tag("group", group));
    }

    public void Failed(string topic, string group) => _failed.Add(1, Tag("topic", topic), Tag("group", group));

    public void Retried(string topic, string group) => _retried.Add(1, Tag("topic", topic), Tag("group", group));

    public void DeadLettered(string topic, string group) => _deadLettered.Add(1, Tag("topic", topic), Tag("group", group));

    public void Restarted(string topic, string group) => _restarts.Add(1, Tag("topic", topic), Tag("group", group));

    public void SetLag(string group, TopicPartition partition, long lag) => _lag[(group, partition)] = lag;

    public void ClearLag(string group, TopicPartition partition) => _lag.TryRemove((group, partition), out _);

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var ((group, partition), lag) in _lag)
        {
            yield return new Measurement<long>(lag, Tag("topic", partition.Topic), Tag("partition", partition.Partition.Value), Tag("group", group));
        }
    }

    private static KeyValuePair<string, object?> Tag(string name, object value) => new(name, value);
}
