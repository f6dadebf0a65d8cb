using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// The rider's instruments, on a meter from the application's <see cref="IMeterFactory"/>. Where the OpenTelemetry
/// messaging conventions define an instrument (<c>messaging.client.sent.messages</c>,
/// <c>messaging.client.consumed.messages</c>, <c>messaging.process.duration</c>) it is used with their attribute
/// names; what they do not cover (retry and dead-letter topics, restarts, lag, commits, the endpoints' state) is under
/// <c>debateevents.kafka.</c>. The endpoints' gauges read the running endpoints' <see cref="ConsumerStatus"/> when observed.
/// </summary>
internal sealed class RiderMetrics
{
    private const string System = "kafka";
    private readonly Counter<long> _sent;
    private readonly Counter<long> _consumed;
    private readonly Histogram<double> _processDuration;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _restarts;
    private readonly Counter<long> _commits;
    private readonly TopicEndpointHealth _endpoints;
    private readonly ConcurrentDictionary<(string Group, TopicPartition Partition), long> _lag = new();

    public RiderMetrics(IMeterFactory meterFactory, TopicEndpointHealth endpoints)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(endpoints);
        _endpoints = endpoints;
        var meter = meterFactory.Create(KafkaTelemetry.Name);
        _sent = meter.CreateCounter<long>("messaging.client.sent.messages", "{message}", "Records the producer sent, with error.type when delivery failed.");
        _consumed = meter.CreateCounter<long>("messaging.client.consumed.messages", "{message}", "Records polled from the broker.");
        _processDuration = meter.CreateHistogram<double>("messaging.process.duration", "s",
            "Time from dispatch to settlement of a record, with error.type when it went to the retry or dead-letter topic.");
        _retried = meter.CreateCounter<long>("debateevents.kafka.consumer.retried", "{message}", "Records sent to the retry topic.");
        _deadLettered = meter.CreateCounter<long>("debateevents.kafka.consumer.dead_lettered", "{message}", "Records written to the dead-letter topic.");
        _restarts = meter.CreateCounter<long>("debateevents.kafka.consumer.restarts", "{restart}", "Consumers a topic endpoint started again after a fault.");
        _commits = meter.CreateCounter<long>("debateevents.kafka.consumer.commits", "{offset}",
            "Partition offsets committed, one per partition per commit, with error.type when the commit failed.");
        meter.CreateObservableGauge("debateevents.kafka.consumer.lag", ObserveLag, "{message}", "High watermark minus the next offset to consume, per partition.");
        meter.CreateObservableGauge("debateevents.kafka.consumer.active", () => ObserveEndpoints(s => s.Running ? 1 : 0), "{consumer}",
            "1 while the topic endpoint's consumer is polling, 0 while it restarts after a fault or stops.");
        meter.CreateObservableGauge("debateevents.kafka.consumer.assigned_partitions", () => ObserveEndpoints(s => s.AssignedPartitions), "{partition}",
            "Partitions the group assigned to the topic endpoint, its retry topic's included.");
        meter.CreateObservableGauge("debateevents.kafka.consumer.circuit_open", () => ObserveEndpoints(s => s.CircuitOpen ? 1 : 0), unit: null,
            "1 while the topic endpoint's circuit breaker holds its partitions paused, 0 otherwise.");
    }

    // The per-record instruments build their tags only when a listener records them: most processes have none.
    public void Produced(string topic)
    {
        if (_sent.Enabled)
        {
            _sent.Add(1, Destination(topic, "send"));
        }
    }

    public void ProduceFailed(string topic)
    {
        var tags = Destination(topic, "send");
        tags.Add("error.type", "delivery_failed");
        _sent.Add(1, tags);
    }

    public void Consumed(string topic, string group)
    {
        if (_consumed.Enabled)
        {
            _consumed.Add(1, Group(topic, group, "receive"));
        }
    }

    public void Processed(string topic, string group, double milliseconds)
    {
        if (_processDuration.Enabled)
        {
            _processDuration.Record(milliseconds / 1000, Group(topic, group, "process"));
        }
    }

    public void Failed(string topic, string group)
    {
        // The duration of a failed settlement is not measured; the failure is still counted in the histogram.
        var tags = Group(topic, group, "process");
        tags.Add("error.type", "consume_failed");
        _processDuration.Record(0, tags);
    }

    public void Retried(string topic, string group) => _retried.Add(1, Group(topic, group, "process"));

    public void DeadLettered(string topic, string group) => _deadLettered.Add(1, Group(topic, group, "process"));

    public void Restarted(string topic, string group) => _restarts.Add(1, Group(topic, group, "receive"));

    public void Committed(string topic, string group) => _commits.Add(1, Group(topic, group, "commit"));

    public void CommitFailed(string topic, string group)
    {
        var tags = Group(topic, group, "commit");
        tags.Add("error.type", "commit_failed");
        _commits.Add(1, tags);
    }

    public void SetLag(string group, TopicPartition partition, long lag) => _lag[(group, partition)] = lag;

    public void ClearLag(string group, TopicPartition partition) => _lag.TryRemove((group, partition), out _);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var ((group, partition), lag) in _lag)
        {
            var tags = Group(partition.Topic, group, "receive");
            tags.Add("messaging.destination.partition.id", partition.Partition.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
            yield return new Measurement<long>(lag, tags);
        }
    }

    private IEnumerable<Measurement<int>> ObserveEndpoints(Func<ConsumerStatus, int> measure)
    {
        foreach (var supervisor in _endpoints.Endpoints.Values)
        {
            var settings = supervisor.Settings;
            yield return new Measurement<int>(measure(supervisor.Status), Group(settings.Topics[0], settings.GroupId, "receive"));
        }
    }

    private static TagList Destination(string topic, string operation) => new()
    {
        { "messaging.system", System },
        { "messaging.operation.name", operation },
        { "messaging.destination.name", topic },
    };

    private static TagList Group(string topic, string group, string operation)
    {
        var tags = Destination(topic, operation);
        tags.Add("messaging.consumer.group.name", group);
        return tags;
    }
}
