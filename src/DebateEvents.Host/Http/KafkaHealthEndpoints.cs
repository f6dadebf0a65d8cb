using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>GET /kafka/health</c>: a short answer from the health checks: the service runs, Kafka is reachable, every
/// component's status, and the last error: that of the first component not healthy, else the fault an endpoint last
/// restarted after. 503 when the host is unhealthy, as <c>/health</c>.
/// </summary>
public static class KafkaHealthEndpoints
{
    // The name AddDebateEvents registers the Kafka reachability check under.
    private const string KafkaCheck = "kafka";

    /// <summary>Maps <c>GET /kafka/health</c>.</summary>
    public static IEndpointRouteBuilder MapKafkaHealthEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/kafka/health", async (HealthCheckService health, CancellationToken ct) =>
        {
            var report = await health.CheckHealthAsync(ct);
            var body = new
            {
                status = report.Status.ToString(),
                running = true,
                kafkaAvailable = report.Entries.TryGetValue(KafkaCheck, out var kafka) && kafka.Status == HealthStatus.Healthy,
                components = report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                lastError = LastError(report),
            };
            return Results.Json(body, statusCode: report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return app;
    }

    // A healthy endpoint may still carry the fault it last restarted after.
    private static string? LastError(HealthReport report) =>
        report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
            .Select(e => $"{e.Key}: {e.Value.Exception?.Message ?? e.Value.Description}")
            .Concat(report.Entries.Where(e => e.Value.Data.TryGetValue("last_fault", out var fault) && fault is string text && text != "none")
                .Select(e => $"{e.Key}: {e.Value.Data["last_fault"]}"))
            .FirstOrDefault();
}
