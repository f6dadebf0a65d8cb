namespace DebateEvents.Avro.Schemas;

/// <summary>The Avro type of a schema, as named in the specification.</summary>
internal enum AvroType
{
    /// <summary>No value; encodes to zero bytes.</summary>
    Null,
    /// <summary>A single byte, 0 or 1.</summary>
    Boolean,
    /// <summary>A 32-bit signed integer written as a zigzag varint.</summary>
    Int,
    /// <summary>A 64-bit signed integer written as a zigzag varint.</summary>
    Long,
    /// <summary>An IEEE 754 single-precision number, little-endian.</summary>
    Float,
    /// <summary>An IEEE 754 double-precision number, little-endian.</summary>
    Double,
    /// <summary>A length-prefixed byte sequence.</summary>
    Bytes,
    /// <summary>A length-prefixed UTF-8 string.</summary>
    String,
    /// <summary>A named sequence of fields written in schema order.</summary>
    Record,
    /// <summary>A named set of symbols written as the symbol's index.</summary>
    Enum,
    /// <summary>A sequence of items written in counted blocks.</summary>
    Array,
    /// <summary>String-keyed values written in counted blocks.</summary>
    Map,
    /// <summary>One of several branches, written as the branch index then the value.</summary>
    Union,
    /// <summary>A named byte sequence of a size fixed by the schema.</summary>
    Fixed,
}
