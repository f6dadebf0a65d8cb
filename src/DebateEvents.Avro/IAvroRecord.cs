using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro;

/// <summary>
/// A type generated from, or written for, one Avro record schema, which it carries. Generated contracts implement
/// it explicitly (so the schema stays out of JSON bodies, equality and <c>ToString</c>) and also expose the same
/// instance as a public static <c>Schema</c> property, which <see cref="AvroCodec.SchemaOf"/> finds without an instance.
/// </summary>
public interface IAvroRecord
{
    /// <summary>The record's schema, parsed once per type; serializers use it as writer and reader schema.</summary>
    AvroSchema Schema { get; }
}
