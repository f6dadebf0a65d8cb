using System.Collections.Concurrent;
using Confluent.Kafka;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Tests.Messages;
using DebateEvents.Kafka.Transport;
using DebateEvents.Embedded;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>
/// A service instance under test: a container with MassTransit's test harness, the Kafka rider against the
/// embedded cluster (topics created through the cluster's API), and the test consumers.
/// </summary>
internal sealed class RiderTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private RiderTestHost(ServiceProvider provider)
    {
        _provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public IServiceProvider Services => _provider;

    public KafkaRider Rider => (KafkaRider)_provider.GetRequiredService<IKafkaRider>();

    public static async Task<RiderTestHost> Start(EmbeddedKafkaCluster cluster, ITestOutputHelper output, ProcessingLog log,
        Action<IRiderRegistrationContext, IKafkaRiderConfigurator> configure, string name = "a",
        Action<IRiderRegistrationConfigurator>? register = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new XunitLoggerProvider(output, name)).SetMinimumLevel(LogLevel.Information));
        services.AddSingleton(log);
        services.AddSingleton(new InstanceName(name));
        services.AddSingleton(new ConcurrentQueue<DebateOpened>());
        services.AddMassTransitTestHarness(x =>
        {
            x.AddRider(r =>
            {
                r.AddConsumer<ArgumentConsumer>();
                r.AddConsumer<DebateOpenedConsumer>();
                register?.Invoke(r);
                r.UsingKafka((context, k) =>
                {
                    k.Host(cluster.BootstrapServers);
                    k.ConfigureProducer(p => p.Linger = TimeSpan.FromMilliseconds(1));
                    k.UseTopicProvisioner((topic, _) => CreateTopic(cluster, topic.Name, topic.Partitions));
                    configure(context, k);
                });
            });
        });
        var provider = services.BuildServiceProvider(validateScopes: true);
        var host = new RiderTestHost(provider);
        try
        {
            await host.Harness.Start();
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>
    /// The common shape: one topic endpoint (created with <paramref name="partitions"/>) into <see cref="ArgumentConsumer"/>
    /// and a producer of <see cref="ArgumentMade"/> to the same topic; <paramref name="configure"/> adds endpoint settings.
    /// </summary>
    public static Task<RiderTestHost> StartArguments(EmbeddedKafkaCluster cluster, ITestOutputHelper output, ProcessingLog log,
        string topic, string group, int partitions, Action<ITopicEndpointConfigurator>? configure = null, string name = "a") =>
        Start(cluster, output, log, (context, k) =>
            k.TopicEndpoint(topic, group, e =>
            {
                e.CreateIfMissing(t => t.NumPartitions = partitions);
                configure?.Invoke(e);
                e.ConfigureConsumer<ArgumentConsumer>(context);
            }),
            name, r => r.AddProducer<ArgumentMade>(topic, a => a.DebateId));

    public static Task CreateTopic(EmbeddedKafkaCluster cluster, string topic, int partitions)
    {
        try
        {
            cluster.CreateTopic(topic, partitions);
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.TopicAlreadyExists)
        {
            // CreateIfMissing: an existing topic is what we wanted.
        }

        return Task.CompletedTask;
    }

    public ITopicProducer<T> Producer<T>()
        where T : class => _provider.GetRequiredService<ITopicProducer<T>>();

    /// <summary>Simulates a crash of every topic endpoint: no further commits, no clean leave.</summary>
    public async Task Crash()
    {
        foreach (var endpoint in Rider.Services.Health.Endpoints.Values)
        {
            await endpoint.Abort(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }
}
