using System.Buffers.Binary;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Readers for fixed schemas: raw bytes, and the decimal, uuid and duration logical types on fixed.</summary>
internal static class FixedReaders
{
    public static Delegate? Create(FixedSchema schema, Type type)
    {
        var size = schema.Size;
        if (type == typeof(byte[]))
        {
            return (ValueReader<byte[]>)((ref AvroReader r) => r.ReadFixed(size).ToArray());
        }

        return (schema.LogicalType, type) switch
        {
            (LogicalTypes.Uuid, var t) when t == typeof(Guid) => (ValueReader<Guid>)(static (ref AvroReader r) => new Guid(r.ReadFixed(16), bigEndian: true)),
            (LogicalTypes.Duration, var t) when t == typeof(AvroDuration) => (ValueReader<AvroDuration>)(static (ref AvroReader r) =>
            {
                var bytes = r.ReadFixed(12);
                return new AvroDuration(
                    BinaryPrimitives.ReadUInt32LittleEndian(bytes),
                    BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]));
            }),
            (LogicalTypes.Decimal, var t) when t == typeof(decimal) => Decimal(size, schema.Scale),
            _ => null,
        };
    }

    private static ValueReader<decimal> Decimal(int size, int scale) => (ref AvroReader r) =>
    {
        var start = r.Position;
        return DecimalEncoding.Decode(r.ReadFixed(size), scale, ref r, start);
    };
}
