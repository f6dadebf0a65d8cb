using System.Collections.Concurrent;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;
using DebateEvents.Avro.WireFormat;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// Reads Confluent-framed messages: fetches the writer schema by the header's id (once per id), then resolves it
/// to the target type's own schema, so consumers keep working while producers move to newer compatible versions.
/// Errors split by remedy: <see cref="Binary.AvroDecodingException"/> (including an unknown schema id) means the
/// message is bad and belongs in a dead-letter topic; <see cref="SchemaRegistryException"/> means the registry is
/// unavailable and the message should be retried.
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
    /// <exception cref="AvroWireFormatException">The registry does not know the header's schema id (offset 1).</exception>
    /// <exception cref="SchemaRegistryException">The registry could not be reached.</exception>
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

    /// <summary>Fetches (and caches) a writer schema ahead of time, so <see cref="TryDeserialize"/> can decode its messages.</summary>
    /// <param name="schemaId">A registry schema id.</param>
    /// <param name="cancellationToken">Cancels the registry call.</param>
    /// <returns>A task that completes when the schema is cached.</returns>
    public async ValueTask PrepareAsync(int schemaId, CancellationToken cancellationToken = default) =>
        await WriterSchemaAsync(schemaId, cancellationToken);

    /// <summary>Decodes a framed message without waiting, when its writer schema is already cached.</summary>
    /// <param name="message">The whole record value: header and body.</param>
    /// <param name="type">A type carrying its schema, used as the reader schema.</param>
    /// <param name="value">The decoded message, when the method returns true.</param>
    /// <returns>False when the header's schema id is not cached yet: call <see cref="PrepareAsync"/> or a DeserializeAsync method.</returns>
    /// <exception cref="AvroWireFormatException">The framing is wrong.</exception>
    /// <exception cref="Binary.AvroDecodingException">The body is corrupt.</exception>
    public bool TryDeserialize(ReadOnlyMemory<byte> message, Type type, out object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        var reader = AvroCodec.SchemaOf(type) ?? throw new AvroTypeMappingException($"{type.Name} does not carry an Avro schema (implement IAvroRecord).");
        var id = ConfluentWireFormat.ReadHeader(message.Span, out _);
        if (!_writerSchemas.TryGetValue(id, out var writer))
        {
            value = null;
            return false;
        }

        value = AvroCodec.Deserializer(type, writer, reader).Deserialize(message.Span[ConfluentWireFormat.HeaderLength..], ConfluentWireFormat.HeaderLength);
        return true;
    }

    private async ValueTask<AvroSchema> WriterSchemaAsync(int id, CancellationToken cancellationToken)
    {
        if (_writerSchemas.TryGetValue(id, out var schema))
        {
            return schema;
        }

        string text;
        try
        {
            text = await _registry.GetSchemaAsync(id, cancellationToken);
        }
        catch (SchemaNotFoundException ex)
        {
            throw new AvroWireFormatException($"Schema id {id} in the header is unknown to the schema registry", 1, ex);
        }

        // One parsed instance per id, so the compiled deserializer cache (keyed by schema instance) is reused.
        return _writerSchemas.GetOrAdd(id, AvroSchema.Parse(text));
    }
}
