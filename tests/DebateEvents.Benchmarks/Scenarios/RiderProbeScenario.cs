using System.Diagnostics;
using Confluent.Kafka;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Transport;
using DebateEvents.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Benchmarks.Scenarios;

internal static class RiderProbeScenario
{
    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        var topic = "probe-" + Guid.NewGuid().ToString("N");
        cluster.CreateTopic(topic, 4);
        var services = new ServiceCollection();
        services.AddSingleton(new RiderConsumeCounter());
        services.AddMassTransit(x =>
        {
            x.AddRider(r =>
            {
                r.AddConsumer<RiderNoOpConsumer>();
                r.AddProducer<RiderBenchmarkEvent>(topic, e => e.DebateId);
                r.UsingKafka((context, k) =>
                {
                    k.Host(cluster.BootstrapServers);
                    k.TopicEndpoint(topic, "g", e => e.ConfigureConsumer<RiderNoOpConsumer>(context));
                });
            });
            x.UsingInMemory();
        });
        await using var provider = services.BuildServiceProvider();
        var bus = provider.GetRequiredService<IBusControl>();
        await bus.StartAsync(cancellationToken);
        var rider = (KafkaRider)provider.GetRequiredService<IKafkaRider>();
        var processor = rider.Services.Health.Consumers.Values.Single().Processor;
        var record = provider.GetRequiredService<EventRecordBuilder>().Build(new RiderBenchmarkEvent("debate-1", 1, new string('x', 40)), EventEnvelope.New());
        var result = new ConsumeResult<byte[]?, byte[]> { Topic = topic, Partition = 0, Offset = 1, Message = record.ToMessage() };
        for (var round = 0; round < 3; round++)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 20_000; i++)
            {
                await processor.Process(result, cancellationToken);
            }

            Console.WriteLine($"PROBE process wall {watch.Elapsed.TotalMilliseconds * 1000 / 20_000:0.0} us cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / 20_000:0.0} us");
        }

        await bus.StopAsync(cancellationToken);
        return "RESULT riderprobe";
    }
}
