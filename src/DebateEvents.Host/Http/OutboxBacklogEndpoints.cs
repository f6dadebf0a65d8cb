using DebateEvents.Outbox;

namespace DebateEvents.Host.Http;

/// <summary><c>GET /outbox/backlog</c>: the undelivered outbox rows in total and per key bucket, with the oldest one's age.</summary>
public static class OutboxBacklogEndpoints
{
    /// <summary>Maps <c>GET /outbox/backlog</c>.</summary>
    public static IEndpointRouteBuilder MapOutboxBacklogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/outbox/backlog", async (IOutboxBacklog backlog, TimeProvider clock, CancellationToken ct) =>
        {
            var report = await backlog.MeasureAsync(ct);
            var now = clock.GetUtcNow();
            double Age(DateTimeOffset at) => Math.Round(Math.Max(0, (now - at).TotalSeconds), 3);
            return Results.Ok(new
            {
                count = report.Count,
                oldestPublishedAt = report.OldestPublishedAt,
                oldestAgeSeconds = report.OldestPublishedAt is { } oldest ? Age(oldest) : 0,
                buckets = report.Buckets.Select(b => new { bucket = b.Bucket, count = b.Count, oldestAgeSeconds = Age(b.OldestPublishedAt) }),
            });
        });
        return app;
    }
}
