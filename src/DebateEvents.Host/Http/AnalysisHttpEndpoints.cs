using DebateEvents.Host.Analysis;
using DebateEvents.Host.Configuration;
using DebateEvents.Kafka;
using MassTransit;
using Microsoft.Extensions.Options;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Http;

/// <summary><c>POST /debates/{id}/analysis</c>: an AnalyzeDebate request over Kafka, answered with the handler's DebateAnalysis.</summary>
public static class AnalysisHttpEndpoints
{
    /// <summary>Maps the analysis endpoint.</summary>
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/debates/{id:guid}/analysis", Analyze);
        return app;
    }

    private static async Task<IResult> Analyze(Guid id, IServiceProvider services, IOptions<KafkaOptions> options, CancellationToken ct)
    {
        // With KAFKA_ENABLED=false there is no request topic to send to: say so rather than answer some other way.
        if (services.GetService<IKafkaRequestClient<AnalyzeDebate>>() is not { } client)
        {
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Request/response needs Kafka",
                detail: "Debate analysis is a request over Kafka; this host runs with KAFKA_ENABLED=false.");
        }

        var timeout = options.Value.RequestTimeout;
        try
        {
            var analysis = await client.GetResponse<DebateAnalysis>(new AnalyzeDebate { DebateId = id, RequestedAt = DateTimeOffset.UtcNow }, timeout, ct);
            return analysis.Status == AnalyzeDebateHandler.NotFound
                ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown debate", detail: $"No debate {id} has been processed.")
                : Results.Ok(analysis);
        }
        catch (RequestTimeoutException)
        {
            return Results.Problem(statusCode: StatusCodes.Status504GatewayTimeout, title: "No analysis in time",
                detail: $"No DebateAnalysis for debate {id} arrived on {client.ResponseTopic} within {timeout}.");
        }
    }
}
