using System.Text.Json;
using System.Text.Json.Serialization;
using DebateEvents.Avro;
using DebateEvents.Host.ReadModels;
using MassTransit;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>GET /events/{type}/schema</c>: the Avro schema a publishing form is made from. <c>POST /events/{type}</c>: publishes one event from its JSON body. The event is published on the
/// bus and written to the outbox in one database transaction, so it reaches Kafka exactly when the
/// request succeeds. Bad input gets a problem-details response naming the field.
/// </summary>
public static class EventEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Maps the publishing endpoints.</summary>
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events", () => EventTypeCatalog.Names);
        app.MapPost("/events/{type}", PublishAsync);
        app.MapGet("/events/{type}/schema", (string type) =>
            EventTypeCatalog.TryResolve(type, out var eventType) && AvroCodec.SchemaOf(eventType) is { } schema
                ? Results.Text(schema.SourceText ?? schema.CanonicalForm, "application/json")
                : UnknownType(type));
        return app;
    }

    private static IResult UnknownType(string type) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown event type",
        detail: $"'{type}' is not an event type. Known: {string.Join(", ", EventTypeCatalog.Names)}.");

    private static async Task<IResult> PublishAsync(
        string type, HttpRequest request, IPublishEndpoint publisher, DebateDbContext db, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (!EventTypeCatalog.TryResolve(type, out var eventType))
        {
            return UnknownType(type);
        }

        var (body, problem) = await JsonBody.ReadAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        object? message;
        try
        {
            message = JsonSerializer.Deserialize(body, eventType, Json);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [ex.Message] },
                title: $"The body is not a valid {eventType.Name}");
        }

        if (message is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is empty or null."] });
        }

        var broken = DomainRules.Check(message);
        if (broken.Count > 0)
        {
            return Results.ValidationProblem(broken, title: $"The {eventType.Name} breaks a domain rule");
        }

        var eventId = NewId.NextGuid();
        var acknowledgement = BrokerAcknowledgement.Watch(request, services, eventId, cancellationToken);
        await publisher.Publish(message, eventType, context => context.MessageId = eventId, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await BrokerAcknowledgement.AnswerAsync(acknowledgement, $"/events/{eventType.Name}/{eventId}", eventId, eventType.Name);
    }
}
