using System.Text;

namespace DebateEvents.Avro.Schemas;

/// <summary>
/// Writes the Parsing Canonical Form: full names, only the attributes that affect parsing, in the specification's
/// attribute order, no whitespace, and named types spelled out only at their first occurrence.
/// </summary>
internal static class CanonicalFormWriter
{
    public static string Write(AvroSchema schema)
    {
        var builder = new StringBuilder();
        Write(schema, builder, new HashSet<string>(StringComparer.Ordinal));
        return builder.ToString();
    }

    private static void Write(AvroSchema schema, StringBuilder builder, HashSet<string> written)
    {
        switch (schema)
        {
            case PrimitiveSchema primitive:
                builder.Append('"').Append(PrimitiveName(primitive.Type)).Append('"');
                break;
            case NamedSchema named when !written.Add(named.FullName):
                builder.Append('"').Append(named.FullName).Append('"');
                break;
            case RecordSchema record:
                builder.Append("{\"name\":\"").Append(record.FullName).Append("\",\"type\":\"record\",\"fields\":[");
                for (var i = 0; i < record.Fields.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",").Append("{\"name\":\"").Append(record.Fields[i].Name).Append("\",\"type\":");
                    Write(record.Fields[i].Schema, builder, written);
                    builder.Append('}');
                }

                builder.Append("]}");
                break;
            case EnumSchema enumSchema:
                builder.Append("{\"name\":\"").Append(enumSchema.FullName).Append("\",\"type\":\"enum\",\"symbols\":[");
                builder.AppendJoin(',', enumSchema.Symbols.Select(s => "\"" + s + "\"")).Append("]}");
                break;
            case FixedSchema fixedSchema:
                builder.Append("{\"name\":\"").Append(fixedSchema.FullName).Append("\",\"type\":\"fixed\",\"size\":").Append(fixedSchema.Size).Append('}');
                break;
            case ArraySchema array:
                builder.Append("{\"type\":\"array\",\"items\":");
                Write(array.Items, builder, written);
                builder.Append('}');
                break;
            case MapSchema map:
                builder.Append("{\"type\":\"map\",\"values\":");
                Write(map.Values, builder, written);
                builder.Append('}');
                break;
            case UnionSchema union:
                builder.Append('[');
                for (var i = 0; i < union.Branches.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    Write(union.Branches[i], builder, written);
                }

                builder.Append(']');
                break;
            default:
                throw new AvroSchemaException($"Unexpected schema kind {schema.GetType().Name}.");
        }
    }

    internal static string PrimitiveName(AvroType type) => type switch
    {
        AvroType.Null => "null",
        AvroType.Boolean => "boolean",
        AvroType.Int => "int",
        AvroType.Long => "long",
        AvroType.Float => "float",
        AvroType.Double => "double",
        AvroType.Bytes => "bytes",
        AvroType.String => "string",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a primitive type."),
    };
}
