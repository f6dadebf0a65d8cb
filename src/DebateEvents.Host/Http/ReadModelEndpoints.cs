using DebateEvents.Host.Processors;
using DebateEvents.Host.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Host.Http;

/// <summary>Read-only views of what the processors built: debates, decisions, evolutions, metrics.</summary>
public static class ReadModelEndpoints
{
    /// <summary>Maps the read-model endpoints.</summary>
    public static IEndpointRouteBuilder MapReadModelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/debates/{id:guid}", async (Guid id, DebateDbContext db, CancellationToken ct) =>
            await db.Debates.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) is { } debate
                ? Results.Ok(debate)
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown debate", detail: $"No debate {id} has been processed."));
        app.MapGet("/decisions", async (Guid? debateId, DebateDbContext db, CancellationToken ct) =>
            await db.Decisions.AsNoTracking().Where(d => debateId == null || d.DebateId == debateId).ToListAsync(ct));
        app.MapGet("/evolutions", async (DebateDbContext db, CancellationToken ct) =>
            await db.Evolutions.AsNoTracking().ToListAsync(ct));
        app.MapGet("/read-models/metrics/{name}", async (string name, DebateDbContext db, MetricWindows windows, CancellationToken ct) =>
        {
            if (await db.Metrics.AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, ct) is not { } aggregate)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown metric", detail: $"No metric '{name}' has been recorded.");
            }

            var (perSecond, average, count) = windows.Snapshot(name);
            return Results.Ok(new { aggregate, window = new { seconds = MetricWindows.Width.TotalSeconds, count, perSecond, average } });
        });
        return app;
    }
}
