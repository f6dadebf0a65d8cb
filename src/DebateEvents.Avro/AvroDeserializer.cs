using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;

namespace DebateEvents.Avro;

/// <summary>
/// Reads <typeparamref name="T"/> from Avro binary written with a writer schema, resolving it to a reader schema.
/// Resolution is compiled once; corrupt input throws <see cref="AvroDecodingException"/> with the byte offset.
/// Thread-safe.
/// </summary>
/// <typeparam name="T">A class with a parameterless constructor and settable (or init) properties.</typeparam>
public sealed class AvroDeserializer<T> : IAvroDeserializer
{
    private readonly ValueReader<T> _read;

    /// <summary>Compiles a deserializer for data written with the reader's own schema.</summary>
    /// <param name="schema">The schema used to write and read.</param>
    public AvroDeserializer(AvroSchema schema)
        : this(schema, schema)
    {
    }

    /// <summary>Compiles a deserializer that resolves <paramref name="writerSchema"/> to <paramref name="readerSchema"/>.</summary>
    /// <param name="writerSchema">The schema the data was written with, e.g. fetched from the registry by id.</param>
    /// <param name="readerSchema">The schema <typeparamref name="T"/> corresponds to.</param>
    /// <exception cref="AvroResolutionException">The writer's data cannot be read with the reader's schema.</exception>
    /// <exception cref="AvroTypeMappingException">The type does not fit the reader schema.</exception>
    public AvroDeserializer(AvroSchema writerSchema, AvroSchema readerSchema)
    {
        ArgumentNullException.ThrowIfNull(writerSchema);
        ArgumentNullException.ThrowIfNull(readerSchema);
        WriterSchema = writerSchema;
        ReaderSchema = readerSchema;
        _read = new ReaderCompiler().Build<T>(writerSchema, readerSchema, typeof(T).Name);
    }

    /// <inheritdoc />
    public AvroSchema WriterSchema { get; }

    /// <inheritdoc />
    public AvroSchema ReaderSchema { get; }

    /// <inheritdoc />
    public Type ValueType => typeof(T);

    /// <summary>Decodes one value that spans all of <paramref name="data"/>; trailing bytes are an error.</summary>
    /// <param name="data">The Avro body, without framing.</param>
    /// <param name="baseOffset">Added to offsets in errors, e.g. the framing header's length.</param>
    /// <returns>The decoded value.</returns>
    /// <exception cref="AvroDecodingException">The data is truncated, corrupt, or does not fit the schemas.</exception>
    public T Deserialize(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        var reader = new AvroReader(data, baseOffset);
        T value;
        try
        {
            value = _read(ref reader);
        }
        catch (Exception ex) when (ex is not AvroException and not OutOfMemoryException)
        {
            throw new AvroDecodingException($"Unexpected {ex.GetType().Name} while decoding {typeof(T).Name}: {ex.Message}", baseOffset, ex);
        }

        return reader.Remaining == 0 ? value : throw reader.Error($"{reader.Remaining} bytes remain after the {typeof(T).Name} value");
    }

    object? IAvroDeserializer.Deserialize(ReadOnlySpan<byte> data, int baseOffset) => Deserialize(data, baseOffset);
}
