namespace DebateEvents.Avro.Schemas;

/// <summary>A schema for one of the eight primitive types, possibly annotated with a logical type.</summary>
internal sealed class PrimitiveSchema : AvroSchema
{
    internal PrimitiveSchema(AvroType type)
    {
        Type = type;
    }

    /// <inheritdoc />
    internal override AvroType Type { get; }

    internal static bool IsPrimitiveName(string name) => TryGetType(name, out _);

    internal static bool TryGetType(string name, out AvroType type)
    {
        switch (name)
        {
            case "null": type = AvroType.Null; return true;
            case "boolean": type = AvroType.Boolean; return true;
            case "int": type = AvroType.Int; return true;
            case "long": type = AvroType.Long; return true;
            case "float": type = AvroType.Float; return true;
            case "double": type = AvroType.Double; return true;
            case "bytes": type = AvroType.Bytes; return true;
            case "string": type = AvroType.String; return true;
            default: type = default; return false;
        }
    }
}
