using DebateEvents.Outbox;

namespace DebateEvents.Host.Http;

/// <summary>The outbox's parked events (rejected permanently by the broker): list them and put them back in line.</summary>
public static class OutboxEndpoints
{
    /// <summary>Maps <c>GET /outbox/parked</c> and <c>POST /outbox/parked/{id}/requeue</c>.</summary>
    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/outbox/parked", async (int? limit, IOutboxDeadLetters parked, CancellationToken ct) =>
            limit is < 1 or > 1000
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit lies between 1 and 1000."] })
                : Results.Ok(await parked.ListAsync(limit ?? 100, ct)));
        app.MapPost("/outbox/parked/{id:long}/requeue", async (long id, IOutboxDeadLetters parked, CancellationToken ct) =>
            await parked.RequeueAsync(id, ct)
                ? Results.Accepted()
                : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown parked event", detail: $"No parked event {id}."));
        return app;
    }
}
