using System.Diagnostics.Metrics;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Consumers;

[Trait("Category", "Integration")]
public sealed class EndpointRestartTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    private const int Partitions = 4;
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");
    private readonly PollFaults _faults = new();

    private string CheckName => $"kafka-endpoint:kafka/{_topic}/{_group}";

    [Fact]
    public async Task PollLoopFaults_RestartTheEndpoint_AndEveryRecordIsProcessedInKeyOrderWithoutGaps()
    {
        using var restarts = new RestartCounter(_topic);
        var log = new ProcessingLog { Delay = _ => TimeSpan.FromMilliseconds(20) };
        await using var host = await StartHost(log, r =>
        {
            r.FirstDelay = TimeSpan.FromMilliseconds(300);
            r.MaxDelay = TimeSpan.FromSeconds(2);
        });

        // Each fault hits while a batch is half processed, with records in flight and queued behind them.
        await Produce(host, 0, 100);
        await Eventually.Until(() => log.Succeeded.Count >= 30, TimeSpan.FromSeconds(20), () => $"only {log.Succeeded.Count} processed");
        _faults.Throw(1);
        await WaitForHealth(host, HealthStatus.Degraded, restarts: null, "the endpoint never reported itself restarting after the first fault");
        await WaitForHealth(host, HealthStatus.Healthy, restarts: 1, "the endpoint did not recover from the first fault");

        await Produce(host, 100, 200);
        await Eventually.Until(() => log.Succeeded.Count >= 130, TimeSpan.FromSeconds(20), () => $"only {log.Succeeded.Count} processed");
        _faults.Throw(2);
        await WaitForHealth(host, HealthStatus.Degraded, restarts: null, "the endpoint never reported itself restarting after the second fault");
        await WaitForHealth(host, HealthStatus.Healthy, restarts: 3, "the endpoint did not recover from the second and third faults");

        await Produce(host, 200, 300);
        await Eventually.Until(() => log.Succeeded.Select(r => r.Sequence).Distinct().Count() == 300, TimeSpan.FromSeconds(30),
            () => $"missing {string.Join(",", Enumerable.Range(0, 300).Except(log.Succeeded.Select(r => r.Sequence)).Take(20))}");

        // At least once: a faulted consumer commits only up to its first record left unfinished, so records it
        // finished beyond that are delivered again; none is skipped, and each key's records are first seen in order.
        foreach (var key in log.Succeeded.GroupBy(r => r.Key))
        {
            var firstSeen = key.OrderBy(r => r.At).Select(r => r.Sequence).Distinct().ToList();
            Assert.Equal(firstSeen.Order(), firstSeen);
        }

        Assert.Equal(3, restarts.Total);
        var health = await EndpointHealth(host);
        Assert.Equal(HealthStatus.Healthy, health.Status);
        Assert.Equal(3, health.Data["restarts"]);
        Assert.Equal("InvalidOperationException: injected poll-loop fault", health.Data["last_fault"]);
    }

    [Fact]
    public async Task TooManyRestartsWithinTheWindow_MakeTheEndpointUnhealthy_WhileItKeepsConsuming()
    {
        var log = new ProcessingLog();
        await using var host = await StartHost(log, r =>
        {
            r.FirstDelay = TimeSpan.FromMilliseconds(50);
            r.MaxDelay = TimeSpan.FromMilliseconds(200);
            r.UnhealthyRestarts = 3;
            r.UnhealthyWindow = TimeSpan.FromMinutes(5);
        });
        await Produce(host, 0, 1);
        await Eventually.Until(() => log.Succeeded.Count == 1, TimeSpan.FromSeconds(20), () => "the first record was not processed");

        _faults.Throw(2);
        await WaitForHealth(host, HealthStatus.Healthy, restarts: 2, "two restarts, under the limit of three, should leave the endpoint healthy");
        _faults.Throw(1);
        await WaitForHealth(host, HealthStatus.Unhealthy, restarts: 3, "the third restart within the window did not make the endpoint unhealthy");

        var health = await EndpointHealth(host);
        Assert.Contains("keeps faulting (3 restarts)", health.Description, StringComparison.Ordinal);
        await Produce(host, 1, 2);
        await Eventually.Until(() => log.Succeeded.Count == 2, TimeSpan.FromSeconds(20), () => "the restarted consumer did not process a new record");
        Assert.Equal(true, (await EndpointHealth(host)).Data["running"]);
    }

    [Fact]
    public async Task StoppingTheBusDuringALongBackoff_StopsAtOnce_WithoutRestarting()
    {
        using var restarts = new RestartCounter(_topic);
        var log = new ProcessingLog();
        var host = await StartHost(log, r =>
        {
            r.FirstDelay = TimeSpan.FromMinutes(10);
            r.MaxDelay = TimeSpan.FromMinutes(10);
        });
        await Produce(host, 0, 1);
        await Eventually.Until(() => log.Succeeded.Count == 1, TimeSpan.FromSeconds(20), () => "the first record was not processed");
        _faults.Throw(1);
        await WaitForHealth(host, HealthStatus.Degraded, restarts: 0, "the endpoint never started its backoff");

        var stopping = host.DisposeAsync().AsTask();
        await Eventually.Until(() => stopping.IsCompleted, TimeSpan.FromSeconds(10), () => "stopping the bus waited for the 10-minute restart backoff");
        await stopping;
        Assert.Equal(0, restarts.Total);
    }

    [Theory]
    [InlineData("no.such.property", "1")]
    [InlineData("security.protocol", "carrier_pigeon")]
    public async Task ConsumerSettingLibrdkafkaRejects_FailsTheStart_NamingTheSetting(string property, string value)
    {
        var log = new ProcessingLog();
        var start = StartHost(log, _ => { }, c => c.Set(property, value));

        // Fails at once, not after the harness's 30 s start timeout, which is what a retried fault would run into.
        await Eventually.Until(() => start.IsCompleted, TimeSpan.FromSeconds(10), () => "the start neither failed nor finished");
        var error = await Assert.ThrowsAsync<ConnectionException>(() => start);
        Assert.False(error.IsTransient);
        Assert.Contains($"\"{property}\"", error.Message, StringComparison.Ordinal);
        Assert.IsType<ConfigurationException>(error.InnerException);
    }

    private Task<RiderTestHost> StartHost(ProcessingLog log, Action<EndpointRestartOptions> restarts,
        Action<Confluent.Kafka.ConsumerConfig>? consumer = null) =>
        RiderTestHost.Start(fixture.Cluster, output, log, (context, k) =>
            k.TopicEndpoint(_topic, _group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = Partitions);
                e.ConcurrentMessageLimit = 8;
                e.CommitInterval = TimeSpan.FromMilliseconds(100);
                e.ConfigureRestarts(restarts);
                e.ConfigureKafkaConsumer(c =>
                {
                    c.SessionTimeoutMs = 2000;
                    c.HeartbeatIntervalMs = 300;
                    consumer?.Invoke(c);
                });
                ((TopicEndpointConfiguration)e).PollFault = _faults.Next;
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            register: r => r.AddProducer<ArgumentMade>(_topic, a => a.DebateId));

    private static async Task Produce(RiderTestHost host, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            await host.Producer<ArgumentMade>().Produce(new ArgumentMade($"debate-{i % 12}", i, "x"));
        }
    }

    private async Task<HealthReportEntry> EndpointHealth(RiderTestHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == CheckName)).Entries[CheckName];

    private async Task WaitForHealth(RiderTestHost host, HealthStatus status, int? restarts, string missing)
    {
        HealthReportEntry? last = null;
        await Eventually.Until(async () =>
            {
                last = await EndpointHealth(host);
                return last.Value.Status == status && (restarts is null || Equals(last.Value.Data["restarts"], restarts));
            },
            TimeSpan.FromSeconds(20),
            () => $"{missing}; last {last?.Status} ({last?.Description}), restarts {last?.Data["restarts"]}");
    }

    /// <summary>Sums the rider's restart counter for one topic.</summary>
    private sealed class RestartCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public RestartCounter(string topic)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == KafkaTelemetry.Name && instrument.Name == "debateevents.kafka.consumer.restarts")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "messaging.destination.name" && Equals(tag.Value, topic))
                    {
                        Interlocked.Add(ref _total, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }
}
