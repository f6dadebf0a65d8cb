using System.Buffers;
using System.Text.Json;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Json;

/// <summary>
/// Writes a value given in Avro's JSON encoding as Avro binary. In value mode unions are wrapped as
/// <c>{"branch": value}</c>; in default mode (field defaults) they are bare and match the first branch that fits.
/// </summary>
internal static class AvroJsonEncoder
{
    public static byte[] Encode(AvroSchema schema, JsonElement value, bool defaultMode)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        Encode(schema, value, ref writer, defaultMode, "$");
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    internal static string BranchName(AvroSchema branch) => branch switch
    {
        NamedSchema named => named.FullName,
        ArraySchema => "array",
        MapSchema => "map",
        _ => CanonicalFormWriter.PrimitiveName(branch.Type),
    };

    private static void Encode(AvroSchema schema, JsonElement value, ref AvroWriter w, bool defaultMode, string path)
    {
        switch (schema)
        {
            case UnionSchema union:
                EncodeUnion(union, value, ref w, defaultMode, path);
                break;
            case RecordSchema record:
                Expect(value, JsonValueKind.Object, path);
                foreach (var field in record.Fields)
                {
                    var fieldPath = path + "." + field.Name;
                    if (value.TryGetProperty(field.Name, out var fieldValue))
                    {
                        Encode(field.Schema, fieldValue, ref w, defaultMode, fieldPath);
                    }
                    else
                    {
                        Encode(field.Schema, field.DefaultValue ?? throw Invalid(fieldPath, "is missing and has no default"), ref w, true, fieldPath);
                    }
                }

                break;
            case EnumSchema enumSchema:
                Expect(value, JsonValueKind.String, path);
                var index = enumSchema.IndexOf(value.GetString()!);
                w.WriteInt(index >= 0 ? index : throw Invalid(path, $"'{value.GetString()}' is not a symbol"));
                break;
            case ArraySchema array:
                Expect(value, JsonValueKind.Array, path);
                WriteBlockCount(ref w, value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    Encode(array.Items, item, ref w, defaultMode, path + "[]");
                }

                w.WriteLong(0);
                break;
            case MapSchema map:
                Expect(value, JsonValueKind.Object, path);
                WriteBlockCount(ref w, value.EnumerateObject().Count());
                foreach (var property in value.EnumerateObject())
                {
                    w.WriteString(property.Name);
                    Encode(map.Values, property.Value, ref w, defaultMode, path + "{}");
                }

                w.WriteLong(0);
                break;
            case FixedSchema fixedSchema:
                var bytes = Latin1Bytes(value, path);
                w.WriteFixed(bytes.Length == fixedSchema.Size ? bytes : throw Invalid(path, $"needs {fixedSchema.Size} bytes"));
                break;
            default:
                EncodePrimitive(schema.Type, value, ref w, path);
                break;
        }
    }

    private static void EncodePrimitive(AvroType type, JsonElement value, ref AvroWriter w, string path)
    {
        switch (type)
        {
            case AvroType.Null:
                Expect(value, JsonValueKind.Null, path);
                break;
            case AvroType.Boolean:
                w.WriteBoolean(value.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => throw Invalid(path, "is not a boolean") });
                break;
            case AvroType.Int:
                w.WriteInt(value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) ? i : throw Invalid(path, "is not an int"));
                break;
            case AvroType.Long:
                w.WriteLong(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var l) ? l : throw Invalid(path, "is not a long"));
                break;
            case AvroType.Float:
                w.WriteFloat((float)Number(value, path));
                break;
            case AvroType.Double:
                w.WriteDouble(Number(value, path));
                break;
            case AvroType.Bytes:
                w.WriteBytes(Latin1Bytes(value, path));
                break;
            case AvroType.String:
                Expect(value, JsonValueKind.String, path);
                w.WriteString(value.GetString()!);
                break;
            default:
                throw Invalid(path, $"has unexpected type {type}");
        }
    }

    private static void EncodeUnion(UnionSchema union, JsonElement value, ref AvroWriter w, bool defaultMode, string path)
    {
        if (value.ValueKind == JsonValueKind.Null && union.NullIndex >= 0)
        {
            w.WriteLong(union.NullIndex);
            return;
        }

        if (defaultMode)
        {
            for (var i = 0; i < union.Branches.Count; i++)
            {
                byte[] encoded;
                try
                {
                    encoded = Encode(union.Branches[i], value, defaultMode: true);
                }
                catch (AvroSchemaException)
                {
                    continue;
                }

                w.WriteLong(i);
                w.WriteFixed(encoded);
                return;
            }

            throw Invalid(path, "matches no branch of the union");
        }

        Expect(value, JsonValueKind.Object, path);
        var wrapper = value.EnumerateObject().ToList();
        if (wrapper.Count != 1)
        {
            throw Invalid(path, "must be null or an object with one property naming the union branch");
        }

        var index = union.Branches.ToList().FindIndex(b => BranchName(b) == wrapper[0].Name);
        w.WriteLong(index >= 0 ? index : throw Invalid(path, $"names '{wrapper[0].Name}', which is not a branch"));
        Encode(union.Branches[index], wrapper[0].Value, ref w, defaultMode, path);
    }

    private static void WriteBlockCount(ref AvroWriter w, int count)
    {
        if (count > 0)
        {
            w.WriteLong(count);
        }
    }

    private static double Number(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw Invalid(path, "is not a number");

    private static byte[] Latin1Bytes(JsonElement value, string path)
    {
        Expect(value, JsonValueKind.String, path);
        var text = value.GetString()!;
        return text.Any(c => c > 0xff) ? throw Invalid(path, "has a character above U+00FF, which bytes cannot hold") : text.Select(c => (byte)c).ToArray();
    }

    private static void Expect(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
        {
            throw Invalid(path, $"should be JSON {kind}, not {value.ValueKind}");
        }
    }

    private static AvroSchemaException Invalid(string path, string problem) => new($"JSON value at {path} {problem}.");
}
