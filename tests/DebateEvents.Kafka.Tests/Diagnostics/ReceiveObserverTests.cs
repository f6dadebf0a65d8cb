using System.Collections.Concurrent;
using System.Diagnostics;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Diagnostics;

[Trait("Category", "Integration")]
public sealed class ReceiveObserverTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ReceiveObserverConnectedToTheBus_SeesEveryRecord_AndMassTransitsReceiveActivityStartsForItsListener()
    {
        var receiveActivities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MassTransit",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                // The listener sees every test's activities: keep this endpoint's receive activities.
                if (a.GetTagItem("messaging.operation") as string == "receive" && (a.GetTagItem("messaging.destination.name") as string ?? "").Contains(_group, StringComparison.Ordinal))
                {
                    receiveActivities.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var log = new ProcessingLog();
        await using var host = await RiderTestHost.StartArguments(fixture.Cluster, output, log, _topic, _group, partitions: 2);
        var observer = new RecordingReceiveObserver(_topic);
        using var handle = host.Services.GetRequiredService<IBus>().ConnectReceiveObserver(observer);

        await host.Producer<ArgumentMade>().Produce(new ArgumentMade("observed", 1, "x"));
        await host.Producer<ArgumentMade>().Produce(new ArgumentMade("observed", 2, "y"));

        await Eventually.Until(() => observer.Post.Count == 2, TimeSpan.FromSeconds(10),
            () => $"processed {log.Succeeded.Count}, pre {observer.Pre.Count}, post {observer.Post.Count}");
        Assert.Equal(log.Succeeded.Select(r => r.Offset).Order(), observer.Pre.Order());
        Assert.Equal(log.Succeeded.Select(r => r.Offset).Order(), observer.Post.Order());
        Assert.Equal(2, observer.Consumed.Count);
        await Eventually.Until(() => receiveActivities.Count == 2, TimeSpan.FromSeconds(10), () => $"{receiveActivities.Count} receive activities");
    }

    private sealed class RecordingReceiveObserver(string topic) : IReceiveObserver
    {
        public ConcurrentQueue<long> Pre { get; } = new();

        public ConcurrentQueue<long> Post { get; } = new();

        public ConcurrentQueue<string> Consumed { get; } = new();

        public Task PreReceive(ReceiveContext context)
        {
            if (Ours(context) is { } record)
            {
                Pre.Enqueue(record.Offset);
            }

            return Task.CompletedTask;
        }

        public Task PostReceive(ReceiveContext context)
        {
            if (Ours(context) is { } record)
            {
                Post.Enqueue(record.Offset);
            }

            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
            where T : class
        {
            if (Ours(context.ReceiveContext) is not null)
            {
                Consumed.Enqueue(consumerType);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
            where T : class => Task.CompletedTask;

        public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

        private IKafkaRecordContext? Ours(ReceiveContext context) =>
            context is IKafkaRecordContext record && record.Topic == topic ? record : null;
    }
}
