using System.Text.Json;

namespace DebateEvents.Avro.Schemas;

/// <summary>Reads the common attributes of schema objects (names, aliases, docs) with the parser's error messages.</summary>
internal static class SchemaAttributes
{
    public static SchemaName ReadName(JsonElement element, string? enclosingNamespace, string kind)
    {
        var raw = RequiredString(element, "name", $"a {kind}");
        string? ns = element.TryGetProperty("namespace", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var name = SchemaName.Resolve(raw, ns, enclosingNamespace);
        SchemaNames.ValidateFullName(name, kind);
        return name;
    }

    public static List<string> ReadAliases(JsonElement element, string? ns) =>
        ReadStrings(element, "aliases").Select(a => SchemaName.Resolve(a, null, ns).FullName).ToList();

    public static List<string> ReadStrings(JsonElement element, string property)
    {
        if (!element.TryGetProperty(property, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new AvroSchemaException($"'{property}' must be an array of strings.");
        }

        return array.EnumerateArray().Select(e => e.GetString()!).ToList();
    }

    public static string? ReadDoc(JsonElement element) =>
        element.TryGetProperty("doc", out var doc) && doc.ValueKind == JsonValueKind.String ? doc.GetString() : null;

    public static JsonElement Required(JsonElement element, string property, string owner) =>
        element.TryGetProperty(property, out var value) ? value : throw new AvroSchemaException($"{owner} needs '{property}'.");

    public static string RequiredString(JsonElement element, string property, string owner)
    {
        var value = Required(element, property, owner);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new AvroSchemaException($"{owner}: '{property}' must be a string.");
    }
}
