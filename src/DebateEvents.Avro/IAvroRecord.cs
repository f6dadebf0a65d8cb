using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro;

/// <summary>A type generated from, or written for, one Avro record schema, which it carries.</summary>
public interface IAvroRecord
{
    /// <summary>The record's schema, parsed once; serializers for the type use it as writer and reader schema.</summary>
    static abstract AvroSchema Schema { get; }
}
