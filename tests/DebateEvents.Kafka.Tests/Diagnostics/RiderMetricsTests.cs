using System.Diagnostics.Metrics;
using Confluent.Kafka;
using DebateEvents.Kafka.Consumers;
using DebateEvents.Kafka.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DebateEvents.Kafka.Tests.Diagnostics;

public sealed class RiderMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly TopicEndpointHealth _endpoints = new();

    public void Dispose() => _services.Dispose();

    [Fact]
    public void EndpointGauges_ReportEachRunningEndpointsState_TaggedWithItsTopicAndGroup()
    {
        // Creating it publishes the gauges on the factory's meter; they read the endpoints when observed.
        _ = new RiderMetrics(_services.GetRequiredService<IMeterFactory>(), _endpoints);
        var running = Endpoint("debates", "processors");
        running.Status.Running = true;
        running.Status.AssignedPartitions = 3;
        // Paused by its breaker while its consumer restarts: every gauge differs between the two endpoints.
        var tripped = Endpoint("decisions", "processors");
        tripped.Status.CircuitOpen = true;

        var gauges = Observe();

        Assert.Equal(1, gauges[("debateevents.kafka.consumer.active", "debates")]);
        Assert.Equal(3, gauges[("debateevents.kafka.consumer.assigned_partitions", "debates")]);
        Assert.Equal(0, gauges[("debateevents.kafka.consumer.circuit_open", "debates")]);
        Assert.Equal(0, gauges[("debateevents.kafka.consumer.active", "decisions")]);
        Assert.Equal(0, gauges[("debateevents.kafka.consumer.assigned_partitions", "decisions")]);
        Assert.Equal(1, gauges[("debateevents.kafka.consumer.circuit_open", "decisions")]);
    }

    private EndpointSupervisor Endpoint(string topic, string group)
    {
        var settings = new TopicConsumerSettings
        {
            Endpoint = $"kafka/{topic}/{group}",
            ConsumerConfig = new ConsumerConfig { GroupId = group },
            Topics = [topic],
        };
        // Never started: the gauges read only its status.
        var supervisor = new EndpointSupervisor(settings, null!, null!, NullLogger.Instance);
        _endpoints.Add(settings.Endpoint, supervisor);
        return supervisor;
    }

    private Dictionary<(string Instrument, string Topic), int> Observe()
    {
        var gauges = new Dictionary<(string, string), int>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KafkaTelemetry.Name && instrument.Meter.Scope == _services.GetRequiredService<IMeterFactory>())
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            var topic = tags.ToArray().Single(t => t.Key == "messaging.destination.name").Value as string;
            Assert.Equal("processors", tags.ToArray().Single(t => t.Key == "messaging.consumer.group.name").Value);
            gauges[(instrument.Name, topic!)] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return gauges;
    }
}
