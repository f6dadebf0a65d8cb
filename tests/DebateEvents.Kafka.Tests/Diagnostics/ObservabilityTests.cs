using System.Collections.Concurrent;
using System.Diagnostics;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Diagnostics;

[Trait("Category", "Integration")]
public sealed class ObservabilityTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ConsumerSpan_ContinuesTheProducersTrace_AndTheHealthCheckReportsTheEndpoint()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == KafkaTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.StartArguments(fixture.Cluster, output, log, _topic, _group, partitions: 2);

        using (var request = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await host.Producer<ArgumentMade>().Produce(new ArgumentMade("traced", 1, "x"));
        }

        // The listener sees every test's spans: pick this test's by topic.
        bool IsOurs(Activity s, ActivityKind kind) => s.Kind == kind && s.GetTagItem("messaging.destination.name") as string == _topic;
        await Eventually.Until(() => log.Succeeded.Count == 1 && spans.Any(s => IsOurs(s, ActivityKind.Consumer)), TimeSpan.FromSeconds(10),
            () => $"processed {log.Succeeded.Count}, spans {string.Join(", ", spans.Select(s => s.DisplayName))}");
        var produce = spans.Single(s => IsOurs(s, ActivityKind.Producer));
        var consume = spans.Single(s => IsOurs(s, ActivityKind.Consumer));
        Assert.Equal(produce.TraceId, consume.TraceId);
        Assert.Equal(produce.SpanId, consume.ParentSpanId);

        // The OpenTelemetry messaging conventions: "{operation} {destination}", the partition as a string.
        var delivered = Assert.Single(log.Succeeded);
        var partition = delivered.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"send {_topic}", produce.DisplayName);
        Assert.Equal("kafka", produce.GetTagItem("messaging.system"));
        Assert.Equal("send", produce.GetTagItem("messaging.operation.type"));
        Assert.Equal("send", produce.GetTagItem("messaging.operation.name"));
        Assert.Equal(partition, produce.GetTagItem("messaging.destination.partition.id"));
        Assert.Equal(delivered.Offset, produce.GetTagItem("messaging.kafka.offset"));
        Assert.Equal("traced", produce.GetTagItem("messaging.kafka.message.key"));
        Assert.Equal($"process {_topic}", consume.DisplayName);
        Assert.Equal("kafka", consume.GetTagItem("messaging.system"));
        Assert.Equal("process", consume.GetTagItem("messaging.operation.type"));
        Assert.Equal(_group, consume.GetTagItem("messaging.consumer.group.name"));
        Assert.Equal(partition, consume.GetTagItem("messaging.destination.partition.id"));
        Assert.Equal(delivered.Offset, consume.GetTagItem("messaging.kafka.offset"));
        string[] deprecated = ["messaging.source.name", "messaging.kafka.source.partition", "messaging.kafka.message.offset", "messaging.kafka.destination.partition"];
        Assert.DoesNotContain(produce.Tags.Concat(consume.Tags), t => deprecated.Contains(t.Key));

        var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "kafka-rider");
        var entry = health.Entries["kafka-rider"];
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal(2, entry.Data[$"kafka/{_topic}/{_group}.assigned_partitions"]);
        Assert.Equal(false, entry.Data[$"kafka/{_topic}/{_group}.circuit_open"]);
        Assert.Equal(true, entry.Data[$"kafka/{_topic}/{_group}.running"]);

        // Each endpoint also has its own check, so a probe or dashboard can tell which endpoint is in trouble.
        var checks = host.Services.GetRequiredService<HealthCheckService>();
        var endpointCheck = $"kafka-endpoint:kafka/{_topic}/{_group}";
        var own = (await checks.CheckHealthAsync(r => r.Name == endpointCheck)).Entries[endpointCheck];
        Assert.Equal(HealthStatus.Healthy, own.Status);
        Assert.Equal(2, own.Data["assigned_partitions"]);
        Assert.Equal(false, own.Data["circuit_open"]);

        await host.Services.GetRequiredService<IBusControl>().StopAsync();
        Assert.Equal(HealthStatus.Unhealthy, (await checks.CheckHealthAsync(r => r.Name == endpointCheck)).Entries[endpointCheck].Status);
    }

    [Fact]
    public async Task Instruments_FollowTheOpenTelemetryMessagingConventions_OnTheApplicationsMeterFactory()
    {
        var measurements = new ConcurrentQueue<(string Instrument, object Meter, Dictionary<string, object?> Tags)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KafkaTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(System.Diagnostics.Metrics.Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
            measurements.Enqueue((instrument.Name, instrument.Meter.Scope!, new Dictionary<string, object?>(tags.ToArray())));
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => Record(instrument, tags));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => Record(instrument, tags));
        var gauges = new ConcurrentDictionary<string, int>();
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            if (tags.ToArray().Any(t => t.Key == "messaging.destination.name" && Equals(t.Value, _topic)))
            {
                gauges[instrument.Name] = value;
            }
        });
        listener.Start();
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.StartArguments(fixture.Cluster, output, log, _topic, _group, partitions: 2);

        await host.Producer<ArgumentMade>().Produce(new ArgumentMade("measured", 1, "x"));

        bool Ours(string instrument) => measurements.Any(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault("messaging.destination.name"), _topic));
        await Eventually.Until(() => Ours("messaging.client.sent.messages") && Ours("messaging.client.consumed.messages") && Ours("messaging.process.duration"),
            TimeSpan.FromSeconds(10), () => string.Join(", ", measurements.Select(m => m.Instrument).Distinct()));
        var processed = measurements.First(m => m.Instrument == "messaging.process.duration" && Equals(m.Tags["messaging.destination.name"], _topic));
        Assert.Equal("kafka", processed.Tags["messaging.system"]);
        Assert.Equal(_group, processed.Tags["messaging.consumer.group.name"]);
        Assert.Equal("process", processed.Tags["messaging.operation.name"]);
        // The meter comes from the container's IMeterFactory (its scope), not from a meter of the rider's own.
        Assert.Same(host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), processed.Meter);

        // The processed offset is committed at the next commit interval; the endpoint's state is observed on collection.
        await Eventually.Until(() => Ours("debateevents.kafka.consumer.commits"), TimeSpan.FromSeconds(10), () => "no commit was counted");
        var commit = measurements.First(m => m.Instrument == "debateevents.kafka.consumer.commits" && Equals(m.Tags["messaging.destination.name"], _topic));
        Assert.Equal(_group, commit.Tags["messaging.consumer.group.name"]);
        Assert.False(commit.Tags.ContainsKey("error.type"));
        listener.RecordObservableInstruments();
        Assert.Equal(1, gauges.GetValueOrDefault("debateevents.kafka.consumer.active"));
        Assert.Equal(2, gauges.GetValueOrDefault("debateevents.kafka.consumer.assigned_partitions"));
        Assert.Equal(0, gauges.GetValueOrDefault("debateevents.kafka.consumer.circuit_open", -1));

        await host.Services.GetRequiredService<IBusControl>().StopAsync();
        gauges.Clear();
        listener.RecordObservableInstruments();
        Assert.False(gauges.ContainsKey("debateevents.kafka.consumer.active"), "a stopped endpoint is still reported");
    }

    [Fact]
    public async Task RetryTopicWithAnotherPartitionCount_DegradesTheEndpointsHealth_AndSaysWhy()
    {
        // The topics exist already, made by hand with different counts: CreateIfMissing leaves them as they are.
        fixture.Cluster.CreateTopic(_topic, 4);
        fixture.Cluster.CreateTopic(_topic + ".retry", 2);
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.Start(fixture.Cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = 4);
                e.UseRetryTopic(TimeSpan.FromSeconds(1));
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));

        await host.Producer<ArgumentMade>().Produce(new ArgumentMade("debate-1", 1, "still flows"));
        await Eventually.Until(() => log.Succeeded.Count == 1, TimeSpan.FromSeconds(10), () => "the record was not processed");

        var endpointCheck = $"kafka-endpoint:kafka/{_topic}/{_group}";
        var entry = (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == endpointCheck)).Entries[endpointCheck];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains($"{_topic}.retry has 2 partitions but {_topic} has 4", entry.Description, StringComparison.Ordinal);
        Assert.Contains("2 partitions", (string)entry.Data["problem"], StringComparison.Ordinal);
    }
}
