using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DebateEvents.Avro.Compatibility;

namespace DebateEvents.Embedded.Registry;

/// <summary>Answers the embedded registry's REST requests as Confluent's Schema Registry does.</summary>
internal sealed class SchemaRegistryRequests(InMemorySchemaStore store)
{
    private const string ContentType = "application/vnd.schemaregistry.v1+json";

    public async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            var (status, body) = await RouteAsync(context.Request).ConfigureAwait(false);
            await WriteAsync(response, status, body).ConfigureAwait(false);
        }
        catch (RegistryRejection rejection)
        {
            await WriteAsync(response, rejection.Status, new JsonObject { ["error_code"] = rejection.ErrorCode, ["message"] = rejection.Message }).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away or the registry stopped: nobody is left to answer.
        }
    }

    private async Task<(int Status, object Body)> RouteAsync(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var query = request.QueryString;
        return (request.HttpMethod, path) switch
        {
            ("GET", []) => Ok(new JsonObject()),
            ("GET", ["schemas", "types"]) => Ok(new JsonArray("AVRO")),
            ("GET", ["subjects"]) => Ok(Array(store.Subjects().Select(s => (JsonNode)s))),
            ("GET", ["subjects", var subject, "versions"]) => Ok(Array(store.VersionNumbers(subject).Select(v => (JsonNode)v))),
            ("POST", ["subjects", var subject, "versions"]) => Ok(new JsonObject { ["id"] = store.Register(subject, await SchemaOf(request).ConfigureAwait(false)).Id }),
            ("POST", ["subjects", var subject]) => Ok(Describe(store.Lookup(subject, await SchemaOf(request).ConfigureAwait(false)))),
            ("GET", ["subjects", var subject, "versions", var version]) => Ok(Describe(store.GetVersion(subject, version))),
            ("GET", ["subjects", var subject, "versions", var version, "schema"]) => Ok(store.GetVersion(subject, version).Schema),
            ("GET", ["schemas", "ids", var id]) => Ok(new JsonObject { ["schema"] = store.GetById(Id(id)) }),
            ("GET", ["schemas", "ids", var id, "schema"]) => Ok(store.GetById(Id(id))),
            ("GET", ["config"]) => Ok(Level("compatibilityLevel", store.GetLevel(null))),
            ("GET", ["config", var subject]) => Ok(Level("compatibilityLevel", store.GetLevel(subject))),
            ("PUT", ["config"]) => Ok(await SetLevelAsync(request, null).ConfigureAwait(false)),
            ("PUT", ["config", var subject]) => Ok(await SetLevelAsync(request, subject).ConfigureAwait(false)),
            ("POST", ["compatibility", "subjects", var subject, "versions", var version]) =>
                Ok(Compatibility(store.CheckCompatibility(subject, await SchemaOf(request).ConfigureAwait(false), version), query["verbose"] == "true")),
            _ => throw new RegistryRejection(404, 404, $"No route for {request.HttpMethod} {request.Url.AbsolutePath}."),
        };
    }

    private async Task<JsonObject> SetLevelAsync(HttpListenerRequest request, string? subject)
    {
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        var name = (string?)body?["compatibility"] ?? (string?)body?["compatibilityLevel"];
        if (!CompatibilityLevels.TryParse(name, out var level))
        {
            throw new RegistryRejection(422, SchemaRegistryErrorCodes.InvalidCompatibilityLevel, $"Invalid compatibility level: {name}");
        }

        store.SetLevel(level, subject);
        return Level("compatibility", level);
    }

    private static JsonObject Compatibility(IReadOnlyList<string> problems, bool verbose)
    {
        var answer = new JsonObject { ["is_compatible"] = problems.Count == 0 };
        if (verbose)
        {
            answer["messages"] = Array(problems.Select(p => (JsonNode)p));
        }

        return answer;
    }

    private static async Task<string> SchemaOf(HttpListenerRequest request)
    {
        var body = await ReadBodyAsync(request).ConfigureAwait(false);
        var type = (string?)body?["schemaType"] ?? "AVRO";
        if (!string.Equals(type, "AVRO", StringComparison.OrdinalIgnoreCase))
        {
            throw RegistryRejection.InvalidSchema($"schema type {type} is not supported; this registry holds Avro schemas only.");
        }

        return (string?)body?["schema"] ?? throw RegistryRejection.InvalidSchema("the request has no \"schema\" field.");
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpListenerRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.InputStream).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new RegistryRejection(400, 400, $"The request body is not a JSON object: {ex.Message}");
        }
    }

    private static int Id(string text) =>
        int.TryParse(text, out var id) ? id : throw RegistryRejection.SchemaNotFound(text);

    private static JsonObject Describe(StoredVersion version) => new()
    {
        ["subject"] = version.Subject,
        ["id"] = version.Id,
        ["version"] = version.Version,
        ["schema"] = version.Schema,
    };

    private static JsonObject Level(string property, CompatibilityLevel level) => new() { [property] = level.ToWireName() };

    private static JsonArray Array(IEnumerable<JsonNode> items) => new(items.ToArray());

    private static (int, object) Ok(object body) => (200, body);

    private static async Task WriteAsync(HttpListenerResponse response, int status, object body)
    {
        var bytes = Encoding.UTF8.GetBytes(body is JsonNode node ? node.ToJsonString() : (string)body);
        response.StatusCode = status;
        response.ContentType = ContentType;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        response.Close();
    }
}
