using DebateEvents.Host.Stats;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>GET /kafka/stats</c>: per topic produced (by the rider's producer), consumed, processed, failed, retried and
/// dead-lettered records since start (from the rider's instruments), active consumers, the outbox's delivered count,
/// backlog and oldest age, and publish latency percentiles over the newest outbox deliveries.
/// </summary>
public static class KafkaStatsEndpoints
{
    /// <summary>Maps <c>GET /kafka/stats</c> and starts counting: only traffic after this call is seen.</summary>
    public static IEndpointRouteBuilder MapKafkaStatsEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var stats = app.ServiceProvider.GetRequiredService<KafkaTrafficStats>();

        app.MapGet("/kafka/stats", async (HealthCheckService health, CancellationToken ct) =>
        {
            var endpoints = await health.CheckHealthAsync(r => r.Name.StartsWith("kafka-endpoint:", StringComparison.Ordinal), ct);
            var (backlog, oldestAgeSeconds) = stats.Outbox();
            var (count, p50, p95, p99) = stats.PublishLatency.Percentiles();
            return Results.Ok(new
            {
                topics = stats.Topics.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => new
                {
                    produced = t.Value.Produced,
                    consumed = t.Value.Consumed,
                    processed = t.Value.Processed,
                    failed = t.Value.Failed,
                    retried = t.Value.Retried,
                    deadLettered = t.Value.DeadLettered,
                }),
                activeConsumers = endpoints.Entries.Values.Count(e => e.Data.TryGetValue("running", out var running) && running is true),
                outbox = new { delivered = stats.OutboxDelivered, backlog, oldestAgeSeconds },
                publishLatencyMs = new { samples = count, p50, p95, p99 },
            });
        });
        return app;
    }
}
