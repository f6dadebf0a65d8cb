using System.Text.Json;

namespace DebateEvents.Avro.Schemas;

/// <summary>Logical type names and the rule for which underlying types each may annotate.</summary>
internal static class LogicalTypes
{
    public const string Decimal = "decimal";
    public const string Uuid = "uuid";
    public const string Date = "date";
    public const string TimeMillis = "time-millis";
    public const string TimeMicros = "time-micros";
    public const string TimestampMillis = "timestamp-millis";
    public const string TimestampMicros = "timestamp-micros";
    public const string LocalTimestampMillis = "local-timestamp-millis";
    public const string LocalTimestampMicros = "local-timestamp-micros";
    public const string Duration = "duration";

    /// <summary>Copies a valid logical type onto the schema; invalid annotations are ignored, as the specification asks.</summary>
    public static AvroSchema Annotate(AvroSchema schema, JsonElement element)
    {
        if (!element.TryGetProperty("logicalType", out var logicalElement) || logicalElement.ValueKind != JsonValueKind.String)
        {
            return schema;
        }

        var logical = logicalElement.GetString()!;
        var fixedSize = (schema as FixedSchema)?.Size ?? -1;
        var valid = logical switch
        {
            Decimal => schema.Type is AvroType.Bytes or AvroType.Fixed,
            Uuid => schema.Type == AvroType.String || fixedSize == 16,
            Date or TimeMillis => schema.Type == AvroType.Int,
            TimeMicros or TimestampMillis or TimestampMicros or LocalTimestampMillis or LocalTimestampMicros => schema.Type == AvroType.Long,
            Duration => fixedSize == 12,
            _ => false,
        };
        if (!valid)
        {
            return schema;
        }

        if (logical != Decimal)
        {
            return Copy(schema, logical, 0, 0);
        }

        var precision = ReadInt(element, "precision");
        var scale = ReadInt(element, "scale") ?? 0;
        if (precision is not > 0 || scale < 0 || scale > precision || (fixedSize >= 0 && precision > MaxDigits(fixedSize)))
        {
            return schema;
        }

        return Copy(schema, logical, precision.Value, scale);
    }

    private static AvroSchema Copy(AvroSchema schema, string logical, int precision, int scale) => schema switch
    {
        FixedSchema f => new FixedSchema(new SchemaName(f.Name, f.Namespace), f.Aliases, f.Doc, f.Size) { LogicalType = logical, Precision = precision, Scale = scale },
        _ => new PrimitiveSchema(schema.Type) { LogicalType = logical, Precision = precision, Scale = scale },
    };

    private static int? ReadInt(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : null;

    /// <summary>The most decimal digits a two's-complement number of <paramref name="size"/> bytes always holds.</summary>
    private static int MaxDigits(int size) => size == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Pow(2, (8 * size) - 1) - 1));
}
