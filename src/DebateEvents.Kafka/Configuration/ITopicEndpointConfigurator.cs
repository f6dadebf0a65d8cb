using Confluent.Kafka;
using MassTransit;

namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// Configures a topic endpoint: a MassTransit receive endpoint fed by one consumer group on one topic.
/// Everything of <see cref="IReceiveEndpointConfigurator"/> applies (<c>ConfigureConsumer</c>,
/// <c>UseMessageRetry</c>, <c>ConcurrentMessageLimit</c>, which here bounds how many keys run at once).
/// </summary>
public interface ITopicEndpointConfigurator : IReceiveEndpointConfigurator
{
    /// <summary>The topic consumed.</summary>
    string Topic { get; }

    /// <summary>The consumer group; instances sharing it share the topic's partitions.</summary>
    string GroupId { get; }

    /// <summary>Where a group without a committed offset starts. Default <see cref="AutoOffsetReset.Earliest"/>.</summary>
    AutoOffsetReset AutoOffsetReset { set; }

    /// <summary>How often settled offsets are committed. Default 1 s; revokes and shutdown always commit.</summary>
    TimeSpan CommitInterval { set; }

    /// <summary>
    /// Polled but unsettled records above which the endpoint stops polling until half have settled
    /// (librdkafka keeps its own bounded prefetch meanwhile). Default 500: every buffered record is still alive at
    /// each garbage collection, and a larger buffer measured more CPU per record without more throughput.
    /// </summary>
    int MaxBufferedRecords { set; }

    /// <summary>How long a rebalance or shutdown waits for in-flight records. Default 30 s.</summary>
    TimeSpan DrainTimeout { set; }

    /// <summary>
    /// First pause before redelivering a record that could not be settled (its dead-letter write failed);
    /// doubles per failure up to 30 s. Default 1 s.
    /// </summary>
    TimeSpan RedeliveryDelay { set; }

    /// <summary>
    /// Creates the topic, <c>{topic}.retry</c> and <c>{topic}.dead-letter</c> before consuming, if missing,
    /// through the rider's topic provisioner.
    /// </summary>
    void CreateIfMissing(Action<KafkaTopicOptions>? configure = null);

    /// <summary>
    /// After in-process retries are exhausted, sends the record to <c>{topic}.retry</c> once per delay
    /// (the endpoint consumes it again when due) before the dead-letter topic. While a key has a record in
    /// retry, its newer records queue behind it; other keys keep flowing.
    /// </summary>
    void UseRetryTopic(params TimeSpan[] delays);

    /// <summary>Configures the endpoint's circuit breaker (on by default).</summary>
    void UseCircuitBreaker(Action<EndpointCircuitBreakerOptions> configure);

    /// <summary>
    /// Configures how the endpoint restarts its consumer after a fault: backoff, and how many restarts in
    /// what window make its health Unhealthy. Restarts are always on; a configuration librdkafka rejects
    /// fails the start instead.
    /// </summary>
    void ConfigureRestarts(Action<EndpointRestartOptions> configure);

    /// <summary>Sets any librdkafka consumer property of this endpoint.</summary>
    void ConfigureKafkaConsumer(Action<ConsumerConfig> configure);
}
