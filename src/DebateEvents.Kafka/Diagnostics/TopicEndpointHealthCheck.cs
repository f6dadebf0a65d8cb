using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// The health of one topic endpoint: its consumer running and polling, its assigned partitions, last
/// commit and circuit state. Unhealthy when the consumer is not running or has not polled for a minute,
/// degraded while its circuit breaker holds it paused.
/// </summary>
internal sealed class TopicEndpointHealthCheck : IHealthCheck
{
    /// <summary>How long without a poll before a running consumer counts as stalled.</summary>
    public static readonly TimeSpan PollStall = TimeSpan.FromMinutes(1);

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
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["running"] = status.Running,
            ["assigned_partitions"] = status.AssignedPartitions,
            ["last_poll"] = status.LastPoll,
            ["last_commit"] = status.LastCommit,
            ["circuit_open"] = status.CircuitOpen,
            ["circuit_trips"] = status.CircuitTrips,
        };
        var result = !status.Running || DateTimeOffset.UtcNow - status.LastPoll > PollStall
            ? HealthCheckResult.Unhealthy($"Topic endpoint {_endpoint} is not polling.", data: data)
            : status.CircuitOpen
                ? HealthCheckResult.Degraded($"Topic endpoint {_endpoint} is paused by its circuit breaker.", data: data)
                : HealthCheckResult.Healthy($"Topic endpoint {_endpoint}: {status.AssignedPartitions} partitions assigned.", data: data);
        return Task.FromResult(result);
    }
}
