using System.Text.Json.Nodes;

namespace DebateEvents.Embedded.Registry;

/// <summary>
/// What makes two schema texts the same schema: their parsed JSON with attributes in one order, no whitespace,
/// <c>{"type":"string"}</c> written as <c>"string"</c>, and every named type and reference written by its full
/// name (so an explicit <c>namespace</c> on a nested type, as Apache.Avro writes it, changes nothing). Field and
/// symbol order still count (they change the encoding), and so do defaults, docs and logical types, which the
/// Parsing Canonical Form would drop.
/// </summary>
internal static class SchemaIdentity
{
    private static readonly HashSet<string> Primitives = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

    public static string Of(string schema) => Type(JsonNode.Parse(schema), "")?.ToJsonString() ?? "null";

    private static JsonNode? Type(JsonNode? node, string space) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var name) => FullName(name, space),
        JsonArray union => new JsonArray(union.Select(branch => Type(branch, space)).ToArray()),
        JsonObject obj when obj.Count == 1 && obj["type"] is JsonValue only => Type(only, space),
        JsonObject obj => Complex(obj, space),
        _ => node?.DeepClone(),
    };

    private static JsonObject Complex(JsonObject obj, string space)
    {
        var kind = (string?)obj["type"];
        var named = kind is "record" or "error" or "enum" or "fixed" && obj["name"] is JsonValue;
        var inner = space;
        var properties = new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (named)
        {
            var declared = (string)obj["name"]!;
            var ownSpace = obj["namespace"] is JsonValue ns ? (string?)ns ?? "" : space;
            var full = declared.Contains('.', StringComparison.Ordinal) || ownSpace.Length == 0 ? declared : ownSpace + "." + declared;
            properties["name"] = full;
            inner = full.Contains('.', StringComparison.Ordinal) ? full[..full.LastIndexOf('.')] : "";
        }

        foreach (var (key, value) in obj)
        {
            if (named && key is "name" or "namespace")
            {
                continue;
            }

            properties[key] = key switch
            {
                "items" or "values" => Type(value, inner),
                "fields" when value is JsonArray fields => new JsonArray(fields.Select(f => Field(f, inner)).ToArray()),
                "type" when kind is not null && (kind is "array" or "map" || named || Primitives.Contains(kind)) => value?.DeepClone(),
                "type" => Type(value, inner),
                _ => value?.DeepClone(),
            };
        }

        return new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, p.Value)));
    }

    private static JsonNode? Field(JsonNode? field, string space)
    {
        if (field is not JsonObject obj)
        {
            return field?.DeepClone();
        }

        return new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, p.Key == "type" ? Type(p.Value, space) : p.Value?.DeepClone())));
    }

    private static string FullName(string name, string space) =>
        Primitives.Contains(name) || name.Contains('.', StringComparison.Ordinal) || space.Length == 0 ? name : space + "." + name;
}
