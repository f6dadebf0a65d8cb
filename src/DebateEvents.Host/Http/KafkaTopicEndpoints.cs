using Confluent.Kafka;
using Confluent.Kafka.Admin;
using DebateEvents.Host.Configuration;
using DebateEvents.Host.Topics;
using DebateEvents.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Http;

/// <summary>
/// The cluster's topics as the broker reports them: <c>GET /kafka/topics</c>, one topic's partitions, watermarks and
/// consumer groups at <c>GET /kafka/topics/{name}</c>, and <c>POST /kafka/topics</c> to create one.
/// </summary>
public static class KafkaTopicEndpoints
{
    /// <summary>Maps the topic endpoints.</summary>
    public static IEndpointRouteBuilder MapKafkaTopicEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var clients = app.ServiceProvider.GetRequiredService<ClusterClients>();
        var catalog = app.ServiceProvider.GetRequiredService<TopicCatalog>();
        var inspector = new TopicInspector(clients, new HostConsumerGroups(app.ServiceProvider.GetRequiredService<IOptions<HealthCheckServiceOptions>>()));
        var creation = new TopicCreation(clients);

        app.MapGet("/kafka/topics", (CancellationToken ct) => Answer(async () => Results.Ok(await catalog.ListAsync(ct))));
        app.MapGet("/kafka/topics/{name}", (string name, CancellationToken ct) => Answer(async () =>
            await catalog.FindAsync(name, ct) is { } topic
                ? Results.Ok(await inspector.DescribeAsync(topic, ct))
                : KafkaProblems.UnknownTopic(name)));
        app.MapPost("/kafka/topics", (HttpRequest request, KafkaEventRouting routing, IOptions<KafkaOptions> options, CancellationToken ct) =>
            Answer(() => CreateAsync(request, catalog, creation, routing, options.Value, ct)));
        return app;
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, TopicCatalog catalog, TopicCreation creation, KafkaEventRouting routing,
        KafkaOptions options, CancellationToken cancellationToken)
    {
        var (body, problem) = await KafkaProblems.ReadBodyAsync<TopicRequest>(request, "topic request", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var brokers = await catalog.BrokerCountAsync(cancellationToken);
        if (TopicRequestValidator.Validate(body, routing.Routes, options.Partitions, brokers, out var errors) is not { } spec)
        {
            return Results.ValidationProblem(errors, title: "The topic request has bad values");
        }

        if (await catalog.FindAsync(spec.Name, cancellationToken) is not null || !await creation.CreateAsync(spec, cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Topic exists", detail: $"Topic '{spec.Name}' exists already.");
        }

        var created = new TopicSummary(spec.Name, spec.Partitions, spec.ReplicationFactor, creation.RetentionOf(spec));
        return Results.Created($"/kafka/topics/{Uri.EscapeDataString(spec.Name)}", created);
    }

    private static async Task<IResult> Answer(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (CreateTopicsException ex)
        {
            var error = ex.Results.First(r => r.Error.Code != ErrorCode.NoError).Error;
            var field = error.Code switch
            {
                ErrorCode.InvalidPartitions => "num_partitions",
                ErrorCode.InvalidReplicationFactor => "replication_factor",
                ErrorCode.InvalidConfig => "retention_ms",
                _ => "name",
            };
            return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [error.Reason] }, title: "The broker refused the topic");
        }
        catch (KafkaException ex)
        {
            return KafkaProblems.Unavailable(ex);
        }
    }
}
