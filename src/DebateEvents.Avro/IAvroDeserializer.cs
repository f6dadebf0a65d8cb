using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro;

/// <summary>A compiled deserializer used without knowing its type at compile time.</summary>
public interface IAvroDeserializer
{
    /// <summary>The schema the data was written with.</summary>
    AvroSchema WriterSchema { get; }

    /// <summary>The schema the value is read as, after resolution.</summary>
    AvroSchema ReaderSchema { get; }

    /// <summary>The CLR type produced.</summary>
    Type ValueType { get; }

    /// <summary>Decodes one value that spans all of <paramref name="data"/>.</summary>
    /// <param name="data">The Avro body, without framing.</param>
    /// <param name="baseOffset">Added to offsets in errors, e.g. the framing header's length.</param>
    /// <returns>The decoded value.</returns>
    object? Deserialize(ReadOnlySpan<byte> data, int baseOffset = 0);
}
