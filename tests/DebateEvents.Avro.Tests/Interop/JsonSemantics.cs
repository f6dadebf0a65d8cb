using System.Text.Json.Nodes;

namespace DebateEvents.Avro.Tests.Interop;

/// <summary>Compares JSON documents by meaning: numbers by value, objects by key set, arrays in order.</summary>
internal static class JsonSemantics
{
    public static bool AreEqual(string left, string right) => AreEqual(JsonNode.Parse(left), JsonNode.Parse(right));

    private static bool AreEqual(JsonNode? left, JsonNode? right) => (left, right) switch
    {
        (null, null) => true,
        (JsonObject l, JsonObject r) => l.Count == r.Count && l.All(p => r.ContainsKey(p.Key) && AreEqual(p.Value, r[p.Key])),
        (JsonArray l, JsonArray r) => l.Count == r.Count && l.Zip(r).All(pair => AreEqual(pair.First, pair.Second)),
        (JsonValue l, JsonValue r) when l.GetValueKind() == System.Text.Json.JsonValueKind.Number && r.GetValueKind() == System.Text.Json.JsonValueKind.Number =>
            l.GetValue<double>() == r.GetValue<double>(),
        (JsonValue l, JsonValue r) => l.ToJsonString() == r.ToJsonString() || (l.GetValueKind() == System.Text.Json.JsonValueKind.String && r.GetValueKind() == System.Text.Json.JsonValueKind.String && l.GetValue<string>() == r.GetValue<string>()),
        _ => false,
    };
}
