using System.Buffers;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;

namespace DebateEvents.Avro;

/// <summary>
/// Writes <typeparamref name="T"/> as Avro binary with one schema. The mapping is compiled once, when the
/// serializer is created; serializing into a reused or pooled buffer allocates nothing. Thread-safe.
/// </summary>
/// <typeparam name="T">A class whose properties match the record's fields (<c>debate_id</c> matches <c>DebateId</c>).</typeparam>
public sealed class AvroSerializer<T> : IAvroSerializer
{
    private readonly ValueWriter<T> _write;

    /// <summary>Compiles a serializer; prefer <see cref="AvroCodec.Serializer{T}(AvroSchema)"/>, which caches.</summary>
    /// <param name="schema">The writer schema.</param>
    /// <exception cref="AvroTypeMappingException">The type does not fit the schema.</exception>
    public AvroSerializer(AvroSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Schema = schema;
        _write = new WriterCompiler().Build<T>(schema, typeof(T).Name);
    }

    /// <inheritdoc />
    public AvroSchema Schema { get; }

    /// <inheritdoc />
    public Type ValueType => typeof(T);

    /// <summary>Appends the binary encoding of <paramref name="value"/> to <paramref name="output"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="output">Where the bytes go; they are committed when the method returns.</param>
    /// <exception cref="AvroEncodingException">The value breaks the schema (a null where none is allowed, an unknown enum value...).</exception>
    public void Serialize(T value, IBufferWriter<byte> output)
    {
        var writer = new AvroWriter(output);
        _write(ref writer, value);
        writer.Flush();
    }

    /// <summary>Returns the binary encoding of <paramref name="value"/> in a new array.</summary>
    /// <returns>The encoded bytes.</returns>
    public byte[] Serialize(T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(value, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    void IAvroSerializer.Serialize(object value, IBufferWriter<byte> output) => Serialize((T)value, output);
}
