using DebateEvents.Host.Stats;
using DebateEvents.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Host.Http;

/// <summary>
/// The host's topic endpoints: <c>GET /kafka/consumers</c> lists each with its group, assigned partitions, state, circuit
/// and pause; <c>POST /kafka/consumers/{endpoint}/pause</c> and <c>/resume</c> pause and resume all its partitions.
/// </summary>
public static class KafkaConsumerEndpoints
{
    private const string CheckPrefix = "kafka-endpoint:";

    /// <summary>Maps the consumer endpoints.</summary>
    public static IEndpointRouteBuilder MapKafkaConsumerEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var stats = app.ServiceProvider.GetRequiredService<KafkaTrafficStats>();
        app.MapGet("/kafka/consumers", async (HealthCheckService health, CancellationToken ct) =>
        {
            var report = await health.CheckHealthAsync(r => r.Name.StartsWith(CheckPrefix, StringComparison.Ordinal), ct);
            var lag = stats.LagPerGroup();
            return Results.Ok(report.Entries.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => Describe(e.Key[CheckPrefix.Length..], e.Value, lag)));
        });
        app.MapPost("/kafka/consumers/{endpoint}/pause", (string endpoint, IKafkaRider rider) =>
            Toggle(endpoint, paused: true, rider));
        app.MapPost("/kafka/consumers/{endpoint}/resume", (string endpoint, IKafkaRider rider) =>
            Toggle(endpoint, paused: false, rider));
        return app;
    }

    private static object Describe(string endpoint, HealthReportEntry entry, IReadOnlyDictionary<(string Topic, string Group), long> lag)
    {
        // Endpoint names are kafka/{topic}/{group}; a topic name cannot hold '/', a group name may.
        var cut = endpoint.IndexOf('/', "kafka/".Length);
        var topic = cut > 0 ? endpoint["kafka/".Length..cut] : endpoint;
        var group = cut > 0 ? endpoint[(cut + 1)..] : "";
        object? Data(string key) => entry.Data.GetValueOrDefault(key);
        return new
        {
            endpoint,
            topic,
            group,
            state = entry.Status.ToString(),
            description = entry.Description,
            running = Data("running"),
            lastPoll = Data("last_poll"),
            partitions = Data("partitions") ?? Array.Empty<string>(),
            paused = Data("paused"),
            // High watermark minus position over the assigned partitions, its retry topic's included, as the consumer last saw it.
            lag = lag.GetValueOrDefault((topic, group)) + lag.GetValueOrDefault((TopicNames.Retry(topic), group)),
            circuitOpen = Data("circuit_open"),
            circuitTrips = Data("circuit_trips"),
            restarts = Data("restarts"),
            lastFault = Data("last_fault"),
        };
    }

    private static IResult Toggle(string endpoint, bool paused, IKafkaRider rider)
    {
        // The name holds '/': clients send it escaped (kafka%2F...), which routing leaves escaped.
        var name = Uri.UnescapeDataString(endpoint);
        var done = paused ? rider.PauseTopicEndpoint(name) : rider.ResumeTopicEndpoint(name);
        return done
            ? Results.Ok(new { endpoint = name, paused })
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown topic endpoint",
                detail: $"No topic endpoint '{name}' runs; GET /kafka/consumers lists them (names look like kafka/{{topic}}/{{group}}).");
    }
}
