using DebateEvents.Host.Stats;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>GET /kafka/stats</c>: per topic produced (by the rider's producer), consumed, processed, failed, retried and
/// dead-lettered records since start (from the rider's instruments), active consumers, the outbox's delivered count,
/// backlog and oldest age, and publish latency percentiles over the newest outbox deliveries. <c>GET /kafka/stats/history</c>:
/// per topic records produced, consumed and dead-lettered per second, sampled every two seconds over the last minutes.
/// </summary>
public static class KafkaStatsEndpoints
{
    /// <summary>Maps <c>GET /kafka/stats</c> and starts counting: only traffic after this call is seen.</summary>
    public static IEndpointRouteBuilder MapKafkaStatsEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var stats = app.ServiceProvider.GetRequiredService<KafkaTrafficStats>();
        var history = app.ServiceProvider.GetRequiredService<RateHistory>();

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
                    delivered = t.Value.Delivered,
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
        app.MapGet("/kafka/stats/history", (int? minutes) => minutes is < 1 or > 5
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["minutes"] = ["minutes lies between 1 and 5."] })
            : Results.Ok(new
            {
                intervalSeconds = RateHistory.Interval.TotalSeconds,
                samples = history.Samples().Where(s => s.At >= DateTimeOffset.UtcNow.AddMinutes(-(minutes ?? 5))),
            }));
        return app;
    }
}
