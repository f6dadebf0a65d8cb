using System.Diagnostics.Metrics;
using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Producers;
using DebateEvents.Kafka.Provisioning;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DebateEvents.Kafka.Configuration;

/// <summary>Runs the user's <c>UsingKafka</c> callback when the bus is created and returns the rider's specification.</summary>
internal sealed class KafkaRiderFactory : IRegistrationRiderFactory<IKafkaRider>
{
    private readonly Action<IRiderRegistrationContext, IKafkaRiderConfigurator> _configure;

    public KafkaRiderFactory(Action<IRiderRegistrationContext, IKafkaRiderConfigurator> configure)
    {
        _configure = configure;
    }

    public IBusInstanceSpecification CreateRider(IRiderRegistrationContext context)
    {
        var configurator = new KafkaRiderConfigurator();
        _configure(context, configurator);
        return new KafkaBusInstanceSpecification(configurator, () => CreateServices(context, configurator));
    }

    private static KafkaRiderServices CreateServices(IRiderRegistrationContext context, KafkaRiderConfigurator configurator)
    {
        var loggerFactory = context.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        var clientConfig = new ClientConfig();
        configurator.Connection.ApplyTo(clientConfig);
        var producerConfig = new ProducerConfig(new Dictionary<string, string>(clientConfig));
        configurator.ProducerOptions.ApplyTo(producerConfig);
        var endpoints = new TopicEndpointHealth(() => context.GetService<IOptions<HealthCheckServiceOptions>>()?.Value);
        var metrics = new RiderMetrics(context.GetRequiredService<IMeterFactory>(), endpoints);
        var producer = new KafkaRecordProducer(producerConfig, configurator.ProducerOptions, metrics, loggerFactory.CreateLogger<KafkaRecordProducer>());
        var provisioner = configurator.Provisioner
            ?? new AdminClientTopicProvisioner(new AdminClientConfig(clientConfig), loggerFactory.CreateLogger<AdminClientTopicProvisioner>());
        return new KafkaRiderServices(clientConfig, context.GetRequiredService<KafkaEventRouting>(), producer, provisioner, metrics, loggerFactory,
            endpoints);
    }
}
