using System.Text.Json;
using Confluent.Kafka;

namespace DebateEvents.Host.Http;

/// <summary>Problem-details answers the Kafka endpoints share.</summary>
internal static class KafkaProblems
{
    /// <summary>503: the cluster did not answer or refused a request.</summary>
    public static IResult Unavailable(KafkaException exception) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "Kafka did not answer", detail: exception.Error.Reason);

    /// <summary>404: the cluster has no such topic.</summary>
    public static IResult UnknownTopic(string name) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "Unknown topic", detail: $"The cluster has no topic '{name}'.");

    /// <summary>400 naming the field a malformed JSON body broke.</summary>
    public static IResult BadJson(JsonException exception, string what)
    {
        var field = string.IsNullOrEmpty(exception.Path) || exception.Path == "$" ? "body" : exception.Path.TrimStart('$', '.');
        return Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [exception.Message] }, title: $"The body is not a valid {what}");
    }

    /// <summary>Reads a JSON body, rejecting unknown fields, or says why it could not.</summary>
    public static async Task<(T? Value, IResult? Problem)> ReadBodyAsync<T>(HttpRequest request, string what, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, StrictJson, cancellationToken);
            return value is null
                ? (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The body is empty or null."] }))
                : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, BadJson(ex, what));
        }
    }

    private static readonly JsonSerializerOptions StrictJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };
}
