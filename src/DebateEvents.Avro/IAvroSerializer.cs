using System.Buffers;
using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro;

/// <summary>A compiled serializer used without knowing its type at compile time, e.g. by a transport's body serializer.</summary>
public interface IAvroSerializer
{
    /// <summary>The schema values are written with.</summary>
    AvroSchema Schema { get; }

    /// <summary>The CLR type the serializer was compiled for.</summary>
    Type ValueType { get; }

    /// <summary>Writes the Avro binary encoding of <paramref name="value"/>, without framing.</summary>
    /// <param name="value">An instance of <see cref="ValueType"/>.</param>
    /// <param name="output">Where the bytes go.</param>
    void Serialize(object value, IBufferWriter<byte> output);
}
