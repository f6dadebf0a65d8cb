using System.Text.Json;

namespace DebateEvents.Avro.Schemas;

/// <summary>One field of a record schema.</summary>
internal sealed class RecordField
{
    internal RecordField(string name, AvroSchema schema, int position, JsonElement? defaultValue, IReadOnlyList<string> aliases, string? doc)
    {
        Name = name;
        Schema = schema;
        Position = position;
        DefaultValue = defaultValue;
        Aliases = aliases;
        Doc = doc;
    }

    /// <summary>The field name as written in the schema.</summary>
    public string Name { get; }

    /// <summary>The schema of the field's value.</summary>
    public AvroSchema Schema { get; }

    /// <summary>The zero-based position of the field in the record, which is its order on the wire.</summary>
    public int Position { get; }

    /// <summary>
    /// The default as JSON (Avro's JSON encoding, with union defaults unwrapped), used when a reader finds the field
    /// missing from the writer's data; null when the field has no default.
    /// </summary>
    public JsonElement? DefaultValue { get; }

    /// <summary>Whether the field declares a default value (a JSON <c>null</c> default counts).</summary>
    public bool HasDefault => DefaultValue.HasValue;

    /// <summary>Former names of the field, matched against writer field names during resolution.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The documentation string of the field, if any.</summary>
    public string? Doc { get; }
}
