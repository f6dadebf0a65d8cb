using System.Collections.Concurrent;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Diagnostics;

/// <summary>
/// The bus's consume observers join a topic endpoint's pipe only once there are any; these tests use a bus without
/// MassTransit's test harness, whose own consume observer would be connected from the start.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConsumeObserverTests(KafkaClusterFixture fixture, ITestOutputHelper output) : IClassFixture<KafkaClusterFixture>
{
    private readonly string _topic = "debates-" + Guid.NewGuid().ToString("N");
    private readonly string _group = "processors-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ConsumeObserverConnectedToTheBusWhileRecordsFlow_SeesTheLaterRecords_UntilDisconnected()
    {
        var log = new ProcessingLog();
        await using var provider = BuildServices(log);
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync();
        try
        {
            var producer = provider.GetRequiredService<ITopicProducer<ArgumentMade>>();
            await producer.Produce(new ArgumentMade("observed", 1, "before any observer"));
            await Eventually.Until(() => log.Succeeded.Count == 1, TimeSpan.FromSeconds(20), () => $"processed {log.Succeeded.Count} of 1");

            var observer = new RecordingConsumeObserver();
            var handle = bus.ConnectConsumeObserver(observer);
            await producer.Produce(new ArgumentMade("observed", 2, "observed"));
            await producer.Produce(new ArgumentMade("observed", 3, "observed"));
            await Eventually.Until(() => observer.Post.Count == 2, TimeSpan.FromSeconds(20),
                () => $"processed {log.Succeeded.Count}, pre {observer.Pre.Count}, post {observer.Post.Count}");
            Assert.Equal([2, 3], observer.Pre);
            Assert.Equal([2, 3], observer.Post);

            handle.Disconnect();
            await producer.Produce(new ArgumentMade("observed", 4, "after disconnecting"));
            await Eventually.Until(() => log.Succeeded.Count == 4, TimeSpan.FromSeconds(20), () => $"processed {log.Succeeded.Count} of 4");
            Assert.Equal([2, 3], observer.Pre);
            Assert.Equal([2, 3], observer.Post);
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    private ServiceProvider BuildServices(ProcessingLog log)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new XunitLoggerProvider(output, "a")).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton(log);
        services.AddSingleton(new InstanceName("a"));
        services.AddMassTransit(x =>
        {
            x.AddRider(r =>
            {
                r.AddConsumer<ArgumentConsumer>();
                r.AddProducer<ArgumentMade>(_topic, a => a.DebateId);
                r.UsingKafka((context, k) =>
                {
                    k.Host(fixture.Cluster.BootstrapServers);
                    k.ConfigureProducer(p => p.Linger = TimeSpan.FromMilliseconds(1));
                    k.UseTopicProvisioner((topic, _) => RiderTestHost.CreateTopic(fixture.Cluster, topic.Name, topic.Partitions));
                    k.TopicEndpoint(_topic, _group, e =>
                    {
                        e.CreateIfMissing(t => t.NumPartitions = 1);
                        e.ConfigureConsumer<ArgumentConsumer>(context);
                    });
                });
            });
            x.UsingInMemory();
        });
        return services.BuildServiceProvider();
    }

    private sealed class RecordingConsumeObserver : IConsumeObserver
    {
        public ConcurrentQueue<int> Pre { get; } = new();

        public ConcurrentQueue<int> Post { get; } = new();

        public Task PreConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is ArgumentMade argument)
            {
                Pre.Enqueue(argument.Sequence);
            }

            return Task.CompletedTask;
        }

        public Task PostConsume<T>(ConsumeContext<T> context)
            where T : class
        {
            if (context.Message is ArgumentMade argument)
            {
                Post.Enqueue(argument.Sequence);
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
