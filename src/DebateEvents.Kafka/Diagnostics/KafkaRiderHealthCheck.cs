using DebateEvents.Kafka.Transport;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// The rider as a whole: the producer's breaker and every topic endpoint (running, assigned partitions,
/// last poll, last commit, circuit state, restarts), next to the per-endpoint checks. The worst endpoint
/// decides (see <see cref="TopicEndpointHealthCheck.StatusOf"/>); degraded too while the producer's breaker
/// rejects calls.
/// </summary>
internal sealed class KafkaRiderHealthCheck : IHealthCheck
{
    private readonly IKafkaRider _rider;

    public KafkaRiderHealthCheck(IKafkaRider rider)
    {
        _rider = rider;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_rider is not KafkaRider rider)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("The Kafka rider is not DebateEvents' rider."));
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var status = rider.Services.Producer.IsCircuitOpen ? HealthStatus.Degraded : HealthStatus.Healthy;
        data["producer.circuit_open"] = rider.Services.Producer.IsCircuitOpen;
        var now = DateTimeOffset.UtcNow;
        foreach (var (endpoint, supervisor) in rider.Services.Health.Endpoints)
        {
            foreach (var (key, value) in TopicEndpointHealthCheck.Describe(supervisor.Status))
            {
                data[$"{endpoint}.{key}"] = value;
            }

            var endpointStatus = TopicEndpointHealthCheck.StatusOf(supervisor.Status, now);
            status = endpointStatus < status ? endpointStatus : status; // the worst wins: Unhealthy < Degraded < Healthy
        }

        return Task.FromResult(new HealthCheckResult(status, $"{rider.Services.Health.Endpoints.Count} Kafka topic endpoints", data: data));
    }
}
