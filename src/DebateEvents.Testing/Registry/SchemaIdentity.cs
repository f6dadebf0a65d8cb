using System.Text.Json.Nodes;

namespace DebateEvents.Testing.Registry;

/// <summary>
/// What makes two schema texts the same schema: their parsed JSON with attributes in one order, no whitespace,
/// and <c>{"type":"string"}</c> written as <c>"string"</c>. Field and symbol order still count (they change the
/// encoding), and so do defaults, docs and logical types, which the Parsing Canonical Form would drop.
/// </summary>
internal static class SchemaIdentity
{
    public static string Of(string schema) => Normalize(JsonNode.Parse(schema))?.ToJsonString() ?? "null";

    private static JsonNode? Normalize(JsonNode? node) => node switch
    {
        JsonObject obj when obj.Count == 1 && obj["type"] is JsonValue type => type.DeepClone(),
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Normalize).ToArray()),
        _ => node?.DeepClone(),
    };
}
