using Confluent.Kafka;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Producers;
using DebateEvents.Kafka.Provisioning;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Configuration;

/// <summary>What the rider shares with each topic endpoint it builds.</summary>
internal sealed record KafkaRiderServices(
    ClientConfig ClientConfig,
    KafkaEventRouting Routing,
    KafkaRecordProducer Producer,
    ITopicProvisioner Provisioner,
    RiderMetrics Metrics,
    ILoggerFactory LoggerFactory,
    TopicEndpointHealth Health);
