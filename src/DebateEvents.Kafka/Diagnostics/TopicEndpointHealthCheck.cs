using DebateEvents.Kafka.Consumers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// The health of one topic endpoint: its consumer running and polling, its assigned partitions, last
/// commit, circuit state and restarts. Unhealthy when the consumer is not running or has not polled for a
/// minute, or restarted too often within the window; degraded while it restarts after a fault, while its
/// circuit breaker or an operator holds it paused, or while its topics have a standing problem.
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
        if (!_health.Endpoints.TryGetValue(_endpoint, out var supervisor))
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"Topic endpoint {_endpoint} is not running."));
        }

        var status = supervisor.Status;
        var now = DateTimeOffset.UtcNow;
        var data = Describe(status).ToDictionary(StringComparer.Ordinal);
        var result = StatusOf(status, now) switch
        {
            HealthStatus.Unhealthy => HealthCheckResult.Unhealthy(DescribeUnhealthy(status, now), data: data),
            HealthStatus.Degraded => HealthCheckResult.Degraded(DescribeDegraded(status), data: data),
            _ => HealthCheckResult.Healthy($"Topic endpoint {_endpoint}: {status.AssignedPartitions} partitions assigned.", data: data),
        };
        return Task.FromResult(result);
    }

    /// <summary>
    /// Unhealthy when the endpoint restarted its consumer too often within the window, or the consumer stopped
    /// or stalled; degraded while it restarts after a fault, while its circuit is open or while its topics have
    /// a standing problem (a retry topic whose partition count differs from its topic's); healthy otherwise.
    /// </summary>
    public static HealthStatus StatusOf(ConsumerStatus status, DateTimeOffset now) =>
        status.Restarts.TooMany(now) ? HealthStatus.Unhealthy
        : status.Restarts.Recovering ? HealthStatus.Degraded
        : !status.Running || now - status.LastPoll > PollStall ? HealthStatus.Unhealthy
        : status.CircuitOpen || status.Paused || status.Problem is not null ? HealthStatus.Degraded
        : HealthStatus.Healthy;

    /// <summary>What the checks report about an endpoint, by data key.</summary>
    public static IEnumerable<KeyValuePair<string, object>> Describe(ConsumerStatus status) =>
    [
        new("running", status.Running),
        new("assigned_partitions", status.AssignedPartitions),
        new("last_poll", status.LastPoll),
        new("last_commit", status.LastCommit),
        new("partitions", status.Partitions),
        new("paused", status.Paused),
        new("circuit_open", status.CircuitOpen),
        new("circuit_trips", status.CircuitTrips),
        new("problem", status.Problem ?? "none"),
        new("restarting", status.Restarts.Recovering),
        new("restarts", status.Restarts.Count),
        new("last_fault", status.Restarts.LastFault ?? "none"),
    ];

    private string DescribeUnhealthy(ConsumerStatus status, DateTimeOffset now) =>
        status.Restarts.TooMany(now)
            ? $"Topic endpoint {_endpoint} keeps faulting ({status.Restarts.Count} restarts); last fault: {status.Restarts.LastFault}"
            : $"Topic endpoint {_endpoint} is not polling.";

    private string DescribeDegraded(ConsumerStatus status) =>
        status.Restarts.Recovering ? $"Topic endpoint {_endpoint} is restarting after a fault: {status.Restarts.LastFault}"
        : status.CircuitOpen ? $"Topic endpoint {_endpoint} is paused by its circuit breaker."
        : status.Paused ? $"Topic endpoint {_endpoint} is paused by an operator."
        : $"Topic endpoint {_endpoint}: {status.Problem}";
}
