using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Serialization;

/// <summary>
/// Readers for primitive and fixed schemas. The writer's type decides how bytes are read (with promotions to the
/// reader's type); the reader's logical type and the CLR type decide what value is produced.
/// </summary>
internal static class PrimitiveReaders
{
    public static Delegate? Create(AvroSchema writer, AvroSchema reader, Type type) => (reader.Type, reader.LogicalType) switch
    {
        (AvroType.Boolean, _) when type == typeof(bool) => (ValueReader<bool>)(static (ref AvroReader r) => r.ReadBoolean()),
        (AvroType.Int, LogicalTypes.Date) when type == typeof(DateOnly) => (ValueReader<DateOnly>)(static (ref AvroReader r) =>
        {
            var start = r.Position;
            return LogicalConversions.TryFromDays(r.ReadInt(), out var date) ? date : throw r.Error("Date is out of range", start);
        }),
        (AvroType.Int, LogicalTypes.TimeMillis) when type == typeof(TimeOnly) => TimeOfDay(LongSource(writer.Type), TimeSpan.TicksPerMillisecond),
        (AvroType.Int, _) when type == typeof(int) => (ValueReader<int>)(static (ref AvroReader r) => r.ReadInt()),
        (AvroType.Long, LogicalTypes.TimeMicros) when type == typeof(TimeOnly) => TimeOfDay(LongSource(writer.Type), LogicalConversions.TicksPerMicrosecond),
        (AvroType.Long, LogicalTypes.TimestampMillis or LogicalTypes.LocalTimestampMillis) when type != typeof(long) =>
            Timestamp(LongSource(writer.Type), TimeSpan.TicksPerMillisecond, type, reader.LogicalType == LogicalTypes.TimestampMillis),
        (AvroType.Long, LogicalTypes.TimestampMicros or LogicalTypes.LocalTimestampMicros) when type != typeof(long) =>
            Timestamp(LongSource(writer.Type), LogicalConversions.TicksPerMicrosecond, type, reader.LogicalType == LogicalTypes.TimestampMicros),
        (AvroType.Long, _) when type == typeof(long) => LongSource(writer.Type),
        (AvroType.Float, _) when type == typeof(float) => FloatSource(writer.Type),
        (AvroType.Double, _) when type == typeof(double) => DoubleSource(writer.Type),
        (AvroType.String, LogicalTypes.Uuid) when type == typeof(Guid) => (ValueReader<Guid>)(static (ref AvroReader r) =>
        {
            var start = r.Position;
            return System.Buffers.Text.Utf8Parser.TryParse(r.ReadBytesSpan(), out Guid value, out var consumed) && consumed == 36
                ? value
                : throw r.Error("String is not a UUID", start);
        }),
        (AvroType.String, _) when type == typeof(string) => (ValueReader<string>)(static (ref AvroReader r) => r.ReadString()),
        (AvroType.Bytes, LogicalTypes.Decimal) when type == typeof(decimal) => DecimalBytes(reader.Scale),
        (AvroType.Bytes, _) when type == typeof(byte[]) => (ValueReader<byte[]>)(static (ref AvroReader r) => r.ReadBytes()),
        (AvroType.Bytes, _) when type == typeof(ReadOnlyMemory<byte>) => (ValueReader<ReadOnlyMemory<byte>>)(static (ref AvroReader r) => r.ReadBytes()),
        (AvroType.Fixed, _) => FixedReaders.Create((FixedSchema)reader, type),
        _ => null,
    };

    private static ValueReader<long> LongSource(AvroType writer) => writer == AvroType.Int
        ? static (ref AvroReader r) => r.ReadInt()
        : static (ref AvroReader r) => r.ReadLong();

    private static ValueReader<float> FloatSource(AvroType writer) => writer switch
    {
        AvroType.Int => static (ref AvroReader r) => r.ReadInt(),
        AvroType.Long => static (ref AvroReader r) => r.ReadLong(),
        _ => static (ref AvroReader r) => r.ReadFloat(),
    };

    private static ValueReader<double> DoubleSource(AvroType writer) => writer switch
    {
        AvroType.Int => static (ref AvroReader r) => r.ReadInt(),
        AvroType.Long => static (ref AvroReader r) => r.ReadLong(),
        AvroType.Float => static (ref AvroReader r) => r.ReadFloat(),
        _ => static (ref AvroReader r) => r.ReadDouble(),
    };

    private static ValueReader<TimeOnly> TimeOfDay(ValueReader<long> source, long ticksPerUnit) => (ref AvroReader r) =>
    {
        var start = r.Position;
        var units = source(ref r);
        return LogicalConversions.TryTimeOfDay(units, ticksPerUnit, out var time) ? time : throw r.Error("Time of day is out of range", start);
    };

    private static Delegate? Timestamp(ValueReader<long> source, long ticksPerUnit, Type type, bool isInstant)
    {
        var kind = isInstant ? DateTimeKind.Utc : DateTimeKind.Unspecified;
        if (type == typeof(DateTimeOffset))
        {
            return (ValueReader<DateTimeOffset>)((ref AvroReader r) => new DateTimeOffset(ReadDateTime(ref r, source, ticksPerUnit, kind), TimeSpan.Zero));
        }

        return type == typeof(DateTime) ? (ValueReader<DateTime>)((ref AvroReader r) => ReadDateTime(ref r, source, ticksPerUnit, kind)) : null;
    }

    private static DateTime ReadDateTime(ref AvroReader r, ValueReader<long> source, long ticksPerUnit, DateTimeKind kind)
    {
        var start = r.Position;
        return LogicalConversions.TryFromUnixUnits(source(ref r), ticksPerUnit, kind, out var value) ? value : throw r.Error("Timestamp is out of range", start);
    }

    private static ValueReader<decimal> DecimalBytes(int scale) => (ref AvroReader r) =>
    {
        var start = r.Position;
        return DecimalEncoding.Decode(r.ReadBytesSpan(), scale, ref r, start);
    };
}
