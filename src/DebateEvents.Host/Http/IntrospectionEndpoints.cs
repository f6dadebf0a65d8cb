using DebateEvents.Avro;
using DebateEvents.Avro.Registry;
using DebateEvents.Host.Configuration;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Settings;
using DebateEvents.Kafka.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>GET /kafka/introspect</c>: what this host is wired to. Topics, event types with their schemas and subjects,
/// the processors' endpoints with their groups and state, the effective configuration of every variable of the
/// README's table (secrets redacted), and where the embedded Kafka cluster and Schema Registry listen.
/// </summary>
public static class IntrospectionEndpoints
{
    private const string Redacted = "***";

    /// <summary>Maps the introspection endpoint.</summary>
    public static IEndpointRouteBuilder MapIntrospectionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/kafka/introspect", DescribeAsync);
        return app;
    }

    private static async Task<IResult> DescribeAsync(
        IOptions<KafkaOptions> kafka, IServiceProvider services, HealthCheckService health, IConfiguration configuration, CancellationToken cancellationToken)
    {
        // With KAFKA_ENABLED=false none of the Kafka services exist.
        var connection = services.GetService<KafkaConnection>();
        var registry = services.GetService<SchemaRegistryOptions>();
        var routes = services.GetService<EventRouteTable>()?.Routes ?? [];
        var endpoints = await health.CheckHealthAsync(c => c.Name.StartsWith("kafka-endpoint:", StringComparison.Ordinal), cancellationToken);
        return Results.Ok(new
        {
            mode = connection is null ? "in-process" : connection.Embedded is null ? "external" : "embedded",
            bootstrapServers = connection?.BootstrapServers,
            schemaRegistry = registry is null ? null : registry.Url.Contains('@', StringComparison.Ordinal) ? Redacted : registry.Url,
            topics = connection is null ? [] : DomainTopics.Names(kafka.Value.TopicPrefix),
            eventTypes = routes.Select(r => EventType(r, registry!)),
            processors = endpoints.Entries.Select(e => new
            {
                endpoint = e.Key["kafka-endpoint:".Length..],
                status = e.Value.Status.ToString(),
                e.Value.Description,
                data = e.Value.Data,
            }),
            configuration = EnvironmentSettings.All
                .DistinctBy(v => v.Key)
                .ToDictionary(v => v.Key, v => Shown(configuration[v.Key], v.Secret)),
        });
    }

    private static object EventType(EventRoute route, SchemaRegistryOptions registry)
    {
        var schema = AvroCodec.SchemaOf(route.MessageType);
        var fullName = $"zamaz.debate.events.{route.MessageType.Name}";
        return new
        {
            name = route.MessageType.Name,
            topic = route.Topic,
            subject = SubjectNames.For(registry.SubjectNameStrategy, route.Topic, fullName),
            schema = schema?.SourceText,
        };
    }

    private static string? Shown(string? value, bool secret) => secret && !string.IsNullOrEmpty(value) ? Redacted : value;
}
