using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using DebateEvents.Host.ReadModels;
using DebateEvents.Kafka.Routing;
using MassTransit;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>POST /kafka/events</c>: the generic form of <c>POST /events/{type}</c>, in the shape event producers of the
/// seed systems send: <c>{ "event_type", "event_data", "partition_key", "correlation_id" }</c>, with
/// <c>event_data</c> in the schema's own field names (snake_case). Validated against the event's contract and
/// domain rules, committed through the outbox, 202 with the event id and its topic.
/// </summary>
public static class KafkaEventEndpoints
{
    private static readonly JsonSerializerOptions EventData = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Maps the generic publishing endpoint.</summary>
    public static IEndpointRouteBuilder MapKafkaEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/kafka/events", PublishAsync);
        return app;
    }

    private static async Task<IResult> PublishAsync(HttpRequest request, IPublishEndpoint publisher, DebateDbContext db, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Envelope(body!) is not { } envelope)
        {
            return Invalid("body", "The body must be a JSON object with event_type and event_data.");
        }

        if (Text(envelope, "event_type") is not { } typeName || !EventTypeCatalog.TryResolve(typeName, out var type))
        {
            return Invalid("event_type", $"Known event types: {string.Join(", ", EventTypeCatalog.Names)}.");
        }

        if (Field(envelope, "event_data") is not JsonObject data)
        {
            return Invalid("event_data", $"The {type.Name} itself, as a JSON object.");
        }

        object? message;
        try
        {
            message = data.Deserialize(type, EventData);
        }
        catch (JsonException ex)
        {
            return Invalid("event_data" + (ex.Path is { Length: > 1 } path ? path.TrimStart('$') : ""), ex.Message);
        }

        var broken = message is null ? new() { ["event_data"] = ["The event is empty."] } : DomainRules.Check(message);
        if (broken.Count > 0)
        {
            return Results.ValidationProblem(broken, title: $"The {type.Name} breaks a domain rule");
        }

        var route = services.GetService<EventRouteTable>() is { } routes && routes.TryGetRoute(type, out var found) ? found : null;
        if (Field(envelope, "partition_key") is not null && route?.GetKey(message!) is { } own && Text(envelope, "partition_key") != own)
        {
            return Invalid("partition_key", $"A {type.Name} is keyed by its own identity ('{own}'), which keeps each aggregate's events in order; leave partition_key out or send that value.");
        }

        Guid? correlation = null;
        if (Field(envelope, "correlation_id") is not null)
        {
            if (!Guid.TryParse(Text(envelope, "correlation_id"), out var parsed))
            {
                return Invalid("correlation_id", "A correlation id is a UUID.");
            }

            correlation = parsed;
        }

        var eventId = NewId.NextGuid();
        var acknowledgement = BrokerAcknowledgement.Watch(request, services, eventId, cancellationToken);
        await publisher.Publish(message!, type, context =>
        {
            context.MessageId = eventId;
            context.CorrelationId = correlation;
        }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (acknowledgement is not null && await acknowledgement is { } delivered)
        {
            return Results.Ok(new { event_id = eventId, event_type = type.Name, acknowledged = true, topic = delivered.Topic, partition = delivered.Partition, offset = delivered.Offset });
        }

        return Results.Accepted($"/events/{type.Name}/{eventId}", new { event_id = eventId, event_type = type.Name, topic = route?.Topic, correlation_id = correlation,
            acknowledged = acknowledgement is null ? (bool?)null : false });
    }

    private static JsonObject? Envelope(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Field(JsonObject envelope, string name) => envelope.TryGetPropertyValue(name, out var value) ? value : null;

    private static string? Text(JsonObject envelope, string name) =>
        Field(envelope, name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The event request is not valid");
}
