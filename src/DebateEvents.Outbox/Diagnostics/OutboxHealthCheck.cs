using DebateEvents.Outbox.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Diagnostics;

/// <summary>
/// Degraded while Kafka is unreachable or the oldest undelivered event is older than
/// <see cref="DebateEventsOutboxOptions.DegradedBacklogAge"/>; events are safe in the database meanwhile,
/// so the outbox never reports Unhealthy on its own.
/// </summary>
internal sealed class OutboxHealthCheck(BrokerReachability reachability, OutboxMetrics metrics, IOptions<DebateEventsOutboxOptions> options)
    : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["backlog"] = metrics.Backlog,
            ["oldestAgeSeconds"] = metrics.OldestAgeSeconds,
        };
        if (!reachability.IsReachable)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"Kafka is unreachable ({reachability.LastError}); events wait in the outbox.", data: data));
        }

        if (metrics.OldestAgeSeconds > options.Value.DegradedBacklogAge.TotalSeconds)
        {
            return Task.FromResult(HealthCheckResult.Degraded($"The oldest undelivered event is {metrics.OldestAgeSeconds:0} s old.", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"{metrics.Backlog} events waiting.", data));
    }
}
