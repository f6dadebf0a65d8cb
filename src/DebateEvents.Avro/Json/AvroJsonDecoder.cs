using System.Text;
using System.Text.Json;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Json;

/// <summary>Reads Avro binary and writes the value in Avro's JSON encoding (unions wrapped, bytes as code points 0-255).</summary>
internal static class AvroJsonDecoder
{
    public static void Decode(AvroSchema schema, ref AvroReader r, Utf8JsonWriter json)
    {
        switch (schema)
        {
            case UnionSchema union:
                var start = r.Position;
                var index = r.ReadLong();
                if (index < 0 || index >= union.Branches.Count)
                {
                    throw r.Error($"Union index {index} is out of range for {union.Branches.Count} branches", start);
                }

                var branch = union.Branches[(int)index];
                if (branch.Type == AvroType.Null)
                {
                    json.WriteNullValue();
                    return;
                }

                json.WriteStartObject();
                json.WritePropertyName(AvroJsonEncoder.BranchName(branch));
                Decode(branch, ref r, json);
                json.WriteEndObject();
                break;
            case RecordSchema record:
                r.EnterNested();
                json.WriteStartObject();
                foreach (var field in record.Fields)
                {
                    json.WritePropertyName(field.Name);
                    Decode(field.Schema, ref r, json);
                }

                json.WriteEndObject();
                r.ExitNested();
                break;
            case EnumSchema enumSchema:
                var symbolStart = r.Position;
                var symbol = r.ReadInt();
                json.WriteStringValue(symbol >= 0 && symbol < enumSchema.Symbols.Count
                    ? enumSchema.Symbols[symbol]
                    : throw r.Error($"Enum index {symbol} is out of range for '{enumSchema.FullName}'", symbolStart));
                break;
            case ArraySchema array:
                json.WriteStartArray();
                DecodeBlocks(ref r, SchemaSizes.MinimumSize(array.Items), json, array.Items, isMap: false);
                json.WriteEndArray();
                break;
            case MapSchema map:
                json.WriteStartObject();
                DecodeBlocks(ref r, 1 + SchemaSizes.MinimumSize(map.Values), json, map.Values, isMap: true);
                json.WriteEndObject();
                break;
            case FixedSchema fixedSchema:
                json.WriteStringValue(Encoding.Latin1.GetString(r.ReadFixed(fixedSchema.Size)));
                break;
            default:
                DecodePrimitive(schema.Type, ref r, json);
                break;
        }
    }

    private static void DecodeBlocks(ref AvroReader r, int minItemSize, Utf8JsonWriter json, AvroSchema item, bool isMap)
    {
        long zeroSize = 0;
        for (var count = r.ReadBlockCount(minItemSize, ref zeroSize); count != 0; count = r.ReadBlockCount(minItemSize, ref zeroSize))
        {
            for (var i = 0; i < count; i++)
            {
                if (isMap)
                {
                    json.WritePropertyName(r.ReadString());
                }

                Decode(item, ref r, json);
            }
        }
    }

    private static void DecodePrimitive(AvroType type, ref AvroReader r, Utf8JsonWriter json)
    {
        switch (type)
        {
            case AvroType.Null: json.WriteNullValue(); break;
            case AvroType.Boolean: json.WriteBooleanValue(r.ReadBoolean()); break;
            case AvroType.Int: json.WriteNumberValue(r.ReadInt()); break;
            case AvroType.Long: json.WriteNumberValue(r.ReadLong()); break;
            case AvroType.Float: WriteDouble(json, r.ReadFloat()); break;
            case AvroType.Double: WriteDouble(json, r.ReadDouble()); break;
            case AvroType.Bytes: json.WriteStringValue(Encoding.Latin1.GetString(r.ReadBytesSpan())); break;
            default: json.WriteStringValue(r.ReadString()); break;
        }
    }

    // JSON has no NaN or infinities; write them as the strings JavaScript and Java print.
    private static void WriteDouble(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
