using System.Buffers.Binary;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>Writers for primitive and fixed schemas, chosen by the schema's type, logical type and the CLR type.</summary>
internal static class PrimitiveWriters
{
    public static Delegate? Create(AvroSchema schema, Type type, string path) => (schema.Type, schema.LogicalType) switch
    {
        (AvroType.Boolean, _) when type == typeof(bool) => (ValueWriter<bool>)(static (ref AvroWriter w, bool v) => w.WriteBoolean(v)),
        (AvroType.Int, LogicalTypes.Date) when type == typeof(DateOnly) =>
            (ValueWriter<DateOnly>)(static (ref AvroWriter w, DateOnly v) => w.WriteInt(LogicalConversions.ToDays(v))),
        (AvroType.Int, LogicalTypes.TimeMillis) when type == typeof(TimeOnly) =>
            (ValueWriter<TimeOnly>)(static (ref AvroWriter w, TimeOnly v) => w.WriteInt((int)LogicalConversions.FromTimeOfDay(v, TimeSpan.TicksPerMillisecond))),
        (AvroType.Int, _) when type == typeof(int) => (ValueWriter<int>)(static (ref AvroWriter w, int v) => w.WriteInt(v)),
        (AvroType.Long, _) when type == typeof(long) => (ValueWriter<long>)(static (ref AvroWriter w, long v) => w.WriteLong(v)),
        (AvroType.Long, _) when type == typeof(int) => (ValueWriter<int>)(static (ref AvroWriter w, int v) => w.WriteLong(v)),
        (AvroType.Long, LogicalTypes.TimeMicros) when type == typeof(TimeOnly) =>
            (ValueWriter<TimeOnly>)(static (ref AvroWriter w, TimeOnly v) => w.WriteLong(LogicalConversions.FromTimeOfDay(v, LogicalConversions.TicksPerMicrosecond))),
        (AvroType.Long, LogicalTypes.TimestampMillis or LogicalTypes.LocalTimestampMillis) => TimestampWriter(type, TimeSpan.TicksPerMillisecond, schema.LogicalType == LogicalTypes.TimestampMillis),
        (AvroType.Long, LogicalTypes.TimestampMicros or LogicalTypes.LocalTimestampMicros) => TimestampWriter(type, LogicalConversions.TicksPerMicrosecond, schema.LogicalType == LogicalTypes.TimestampMicros),
        (AvroType.Float, _) when type == typeof(float) => (ValueWriter<float>)(static (ref AvroWriter w, float v) => w.WriteFloat(v)),
        (AvroType.Double, _) when type == typeof(double) => (ValueWriter<double>)(static (ref AvroWriter w, double v) => w.WriteDouble(v)),
        (AvroType.Double, _) when type == typeof(float) => (ValueWriter<float>)(static (ref AvroWriter w, float v) => w.WriteDouble(v)),
        (AvroType.String, LogicalTypes.Uuid) when type == typeof(Guid) => (ValueWriter<Guid>)(static (ref AvroWriter w, Guid v) => WriteUuidString(ref w, v)),
        (AvroType.String, _) when type == typeof(string) => (ValueWriter<string>)((ref AvroWriter w, string v) => w.WriteString(v ?? throw Null(path))),
        (AvroType.Bytes, LogicalTypes.Decimal) when type == typeof(decimal) => DecimalBytesWriter(schema, path),
        (AvroType.Bytes, _) when type == typeof(byte[]) => (ValueWriter<byte[]>)((ref AvroWriter w, byte[] v) => w.WriteBytes(v ?? throw Null(path))),
        (AvroType.Bytes, _) when type == typeof(ReadOnlyMemory<byte>) => (ValueWriter<ReadOnlyMemory<byte>>)(static (ref AvroWriter w, ReadOnlyMemory<byte> v) => w.WriteBytes(v.Span)),
        (AvroType.Fixed, _) => FixedWriters.Create((FixedSchema)schema, type, path),
        _ => null,
    };

    public static AvroEncodingException Null(string path) => new($"{path}: null is not allowed by the schema.");

    internal static void WriteDuration(ref AvroWriter writer, AvroDuration value)
    {
        var span = writer.GetSpan(12);
        BinaryPrimitives.WriteUInt32LittleEndian(span, value.Months);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], value.Days);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], value.Milliseconds);
        writer.Advance(12);
    }

    private static Delegate? TimestampWriter(Type type, long ticksPerUnit, bool isInstant)
    {
        if (type == typeof(DateTimeOffset))
        {
            return (ValueWriter<DateTimeOffset>)((ref AvroWriter w, DateTimeOffset v) => w.WriteLong(LogicalConversions.ToUnixUnits(v, ticksPerUnit)));
        }

        return type == typeof(DateTime)
            ? (ValueWriter<DateTime>)((ref AvroWriter w, DateTime v) => w.WriteLong(LogicalConversions.ToUnixUnits(v, ticksPerUnit, isInstant)))
            : null;
    }

    private static void WriteUuidString(ref AvroWriter writer, Guid value)
    {
        // The 36-character hyphenated form in lower case, as RFC 4122 and other Avro implementations write it.
        const int Length = 36;
        writer.WriteLong(Length);
        value.TryFormat(writer.GetSpan(Length), out var written, "D");
        writer.Advance(written);
    }

    private static ValueWriter<decimal> DecimalBytesWriter(AvroSchema schema, string path)
    {
        var (scale, precision) = (schema.Scale, schema.Precision);
        return (ref AvroWriter w, decimal v) =>
        {
            Span<byte> buffer = stackalloc byte[16];
            w.WriteBytes(DecimalEncoding.Encode(v, scale, precision, buffer, path));
        };
    }
}
