using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Writers for fixed schemas: raw bytes, and the decimal, uuid and duration logical types on fixed.</summary>
internal static class FixedWriters
{
    public static Delegate? Create(FixedSchema schema, Type type, string path)
    {
        var size = schema.Size;
        if (type == typeof(byte[]))
        {
            return (ValueWriter<byte[]>)((ref AvroWriter w, byte[] v) =>
            {
                if (v is null || v.Length != size)
                {
                    throw new AvroEncodingException($"{path}: fixed '{schema.FullName}' needs exactly {size} bytes, not {v?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}.");
                }

                w.WriteFixed(v);
            });
        }

        return (schema.LogicalType, type) switch
        {
            (LogicalTypes.Uuid, var t) when t == typeof(Guid) => (ValueWriter<Guid>)(static (ref AvroWriter w, Guid v) =>
            {
                v.TryWriteBytes(w.GetSpan(16), bigEndian: true, out _);
                w.Advance(16);
            }),
            (LogicalTypes.Duration, var t) when t == typeof(AvroDuration) =>
                (ValueWriter<AvroDuration>)(static (ref AvroWriter w, AvroDuration v) => PrimitiveWriters.WriteDuration(ref w, v)),
            (LogicalTypes.Decimal, var t) when t == typeof(decimal) => DecimalWriter(schema, path),
            _ => null,
        };
    }

    private static ValueWriter<decimal> DecimalWriter(FixedSchema schema, string path)
    {
        var (size, scale, precision) = (schema.Size, schema.Scale, schema.Precision);
        return (ref AvroWriter w, decimal v) =>
        {
            Span<byte> buffer = stackalloc byte[16];
            var minimal = DecimalEncoding.Encode(v, scale, precision, buffer, path);
            if (minimal.Length > size)
            {
                throw new AvroEncodingException($"{path}: {v} needs {minimal.Length} bytes, more than fixed size {size}.");
            }

            var target = w.GetSpan(size)[..size];
            target[..(size - minimal.Length)].Fill((minimal[0] & 0x80) != 0 ? (byte)0xff : (byte)0);
            minimal.CopyTo(target[(size - minimal.Length)..]);
            w.Advance(size);
        };
    }
}
