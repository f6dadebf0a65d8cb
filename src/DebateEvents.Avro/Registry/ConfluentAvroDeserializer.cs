using System.Collections.Concurrent;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;
using DebateEvents.Avro.WireFormat;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// Reads Confluent-framed messages: fetches the writer schema by the header's id (once per id), then resolves it
/// to the target type's own schema, so consumers keep working while producers move to newer compatible versions.
/// </summary>
public sealed class ConfluentAvroDeserializer
{
    private readonly ISchemaRegistryClient _registry;
    private readonly ConcurrentDictionary<int, AvroSchema> _writerSchemas = new();

    /// <summary>Creates the deserializer.</summary>
    /// <param name="registry">The registry holding the writer schemas.</param>
    public ConfluentAvroDeserializer(ISchemaRegistryClient registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>Decodes a framed message into <paramref name="type"/>.</summary>
    /// <param name="message">The whole record value: header and body.</param>
    /// <param name="type">A type carrying its schema (a generated contract), used as the reader schema.</param>
    /// <param name="cancellationToken">Cancels a registry call.</param>
    /// <returns>The decoded message.</returns>
    /// <exception cref="AvroWireFormatException">The framing is wrong.</exception>
    /// <exception cref="SchemaNotFoundException">The registry does not know the header's schema id.</exception>
    /// <exception cref="Binary.AvroDecodingException">The body is corrupt; the offset counts from the start of the message.</exception>
    public async ValueTask<object?> DeserializeAsync(ReadOnlyMemory<byte> message, Type type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var reader = AvroCodec.SchemaOf(type) ?? throw new AvroTypeMappingException($"{type.Name} does not carry an Avro schema (implement IAvroRecord).");
        var id = ConfluentWireFormat.ReadHeader(message.Span, out _);
        var writer = await WriterSchemaAsync(id, cancellationToken);
        return AvroCodec.Deserializer(type, writer, reader).Deserialize(message.Span[ConfluentWireFormat.HeaderLength..], ConfluentWireFormat.HeaderLength);
    }

    /// <summary>Decodes a framed message into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">A generated contract.</typeparam>
    /// <param name="message">The whole record value: header and body.</param>
    /// <param name="cancellationToken">Cancels a registry call.</param>
    /// <returns>The decoded message.</returns>
    public async ValueTask<T> DeserializeAsync<T>(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
        where T : IAvroRecord => (T)(await DeserializeAsync(message, typeof(T), cancellationToken))!;

    private async ValueTask<AvroSchema> WriterSchemaAsync(int id, CancellationToken cancellationToken)
    {
        if (_writerSchemas.TryGetValue(id, out var schema))
        {
            return schema;
        }

        // One parsed instance per id, so the compiled deserializer cache (keyed by schema instance) is reused.
        return _writerSchemas.GetOrAdd(id, AvroSchema.Parse(await _registry.GetSchemaAsync(id, cancellationToken)));
    }
}
