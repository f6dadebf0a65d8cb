using DebateEvents.Kafka.Consumers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// The health of one topic endpoint: its consumer running and polling, its assigned partitions, last
/// commit and circuit state. Unhealthy when the consumer is not running or has not polled for a minute,
/// degraded while its circuit breaker holds it paused or its topics have a standing problem.
/// </summary>
internal sealed class TopicEndpointHealthCheck : IHealthCheck
{
    /// <summary>How long without a poll before a running consumer counts as stalled.</summary>
    private static readonly TimeSpan PollStall = TimeSpan.FromMinutes(1);

    private readonly string _endpoint;
    private readonly TopicEndpointHealth _health;

    public TopicEndpointHealthCheck(string endpoint, TopicEndpointHealth health)
    {
        _endpoint = endpoint;
        _health = health;
    }

    /// <summary>The registration name of an endpoint's check.</summary>
    public static string NameOf(string endpoint) => $"kafka-endpoint:{endpoint}";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_health.Consumers.TryGetValue(_endpoint, out var consumer))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Topic endpoint {_endpoint} is not running."));
        }

        var status = consumer.Status;
        var data = Describe(status).ToDictionary(StringComparer.Ordinal);
        var result = StatusOf(status, DateTimeOffset.UtcNow) switch
        {
            HealthStatus.Unhealthy => HealthCheckResult.Unhealthy($"Topic endpoint {_endpoint} is not polling.", data: data),
            HealthStatus.Degraded => HealthCheckResult.Degraded(
                status.CircuitOpen ? $"Topic endpoint {_endpoint} is paused by its circuit breaker." : $"Topic endpoint {_endpoint}: {status.Problem}",
                data: data),
            _ => HealthCheckResult.Healthy($"Topic endpoint {_endpoint}: {status.AssignedPartitions} partitions assigned.", data: data),
        };
        return Task.FromResult(result);
    }

    /// <summary>
    /// Unhealthy when the consumer stopped or stalled, degraded while its circuit is open or its topics have a
    /// standing problem (a retry topic whose partition count differs from its topic's), healthy otherwise.
    /// </summary>
    public static HealthStatus StatusOf(ConsumerStatus status, DateTimeOffset now) =>
        !status.Running || now - status.LastPoll > PollStall ? HealthStatus.Unhealthy
        : status.CircuitOpen || status.Problem is not null ? HealthStatus.Degraded
        : HealthStatus.Healthy;

    /// <summary>What the checks report about a consumer, by data key.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Describe(ConsumerStatus status) =>
    [
        new("running", status.Running),
        new("assigned_partitions", status.AssignedPartitions),
        new("last_poll", status.LastPoll),
        new("last_commit", status.LastCommit),
        new("circuit_open", status.CircuitOpen),
        new("circuit_trips", status.CircuitTrips),
        new("problem", status.Problem ?? "none"),
    ];
}
