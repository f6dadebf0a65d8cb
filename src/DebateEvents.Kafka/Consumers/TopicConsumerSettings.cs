using Confluent.Kafka;
using DebateEvents.Kafka.Configuration;

namespace DebateEvents.Kafka.Consumers;

/// <summary>Everything a <see cref="TopicConsumer"/> needs besides its processor.</summary>
internal sealed class TopicConsumerSettings
{
    /// <summary>The endpoint's name (<c>kafka/{topic}/{group}</c>), as its health check and lifecycle log lines name it.</summary>
    public required string Endpoint { get; init; }

    public required ConsumerConfig ConsumerConfig { get; init; }

    /// <summary>The topics subscribed: the endpoint's topic, plus its retry topic when retry topics are on.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    public string GroupId => ConsumerConfig.GroupId;

    public int ConcurrentMessageLimit { get; init; } = 16;

    /// <summary>Polled but unsettled records above which polling stops until half have settled.</summary>
    public int MaxBufferedRecords { get; init; } = 500;

    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a revoke or shutdown waits for in-flight records before giving up on them.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First pause before redelivering an unsettled record; doubles up to <see cref="MaxRedeliveryDelay"/>.</summary>
    public TimeSpan RedeliveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRedeliveryDelay { get; init; } = TimeSpan.FromSeconds(30);

    public EndpointCircuitBreakerOptions CircuitBreaker { get; init; } = new();

    public EndpointRestartOptions Restarts { get; init; } = new();

    /// <summary>Test seam: called on every turn of the poll loop; an exception it returns is thrown there, as a fault.</summary>
    public Func<Exception?>? PollFault { get; init; }
}
