using System.Collections.Concurrent;
using Confluent.SchemaRegistry;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.Serialization;
using DebateEvents.Avro.WireFormat;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// Reads Confluent-framed messages: fetches the writer schema by the header's id (once per id), then resolves it
/// to the target type's own schema, so consumers keep working while producers move to newer compatible versions.
/// Errors split by remedy: <see cref="Binary.AvroDecodingException"/> and <see cref="AvroWireFormatException"/>
/// (including an id the registry does not know) mean the message is bad and belongs in a dead-letter topic;
/// <see cref="SchemaRegistryException"/> or <see cref="HttpRequestException"/> mean the registry is unavailable
/// and the message should be retried.
/// </summary>
public sealed class ConfluentAvroDeserializer
{
    private const int SchemaNotFound = 40403;

    private readonly ISchemaRegistryClient _registry;
    private readonly ConcurrentDictionary<(int Id, Type Type), IAvroDeserializer> _readers = new();

    /// <summary>Creates the deserializer over Confluent's registry client (or any <see cref="ISchemaRegistryClient"/>).</summary>
    public ConfluentAvroDeserializer(ISchemaRegistryClient registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
    }

    /// <summary>Decodes a framed message (header and body) into <paramref name="type"/>, a type carrying its schema.</summary>
    /// <exception cref="AvroWireFormatException">The framing is wrong, or the registry does not know the header's schema id (offset 1).</exception>
    /// <exception cref="Binary.AvroDecodingException">The body is corrupt; the offset counts from the start of the message.</exception>
    public ValueTask<object?> DeserializeAsync(ReadOnlyMemory<byte> message, Type type, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        var id = ConfluentWireFormat.ReadHeader(message.Span, out _);
        return _readers.TryGetValue((id, type), out var reader)
            ? ValueTask.FromResult(Read(reader, message))
            : DeserializeSlowAsync(message, id, type, cancellationToken);
    }

    /// <summary>Decodes a framed message into <typeparamref name="T"/>.</summary>
    public async ValueTask<T> DeserializeAsync<T>(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
        where T : IAvroRecord => (T)(await DeserializeAsync(message, typeof(T), cancellationToken).ConfigureAwait(false))!;

    /// <summary>Decodes a framed message without waiting, when its writer schema has been read before for this type.</summary>
    /// <returns>False when it has not: call a DeserializeAsync method.</returns>
    public bool TryDeserialize(ReadOnlyMemory<byte> message, Type type, out object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        var id = ConfluentWireFormat.ReadHeader(message.Span, out _);
        if (!_readers.TryGetValue((id, type), out var reader))
        {
            value = null;
            return false;
        }

        value = Read(reader, message);
        return true;
    }

    private async ValueTask<object?> DeserializeSlowAsync(ReadOnlyMemory<byte> message, int id, Type type, CancellationToken cancellationToken)
    {
        var target = AvroCodec.SchemaOf(type) ?? throw new AvroTypeMappingException($"{type.Name} does not carry an Avro schema (implement IAvroRecord).");
        var writer = await WriterSchemaAsync(id, cancellationToken).ConfigureAwait(false);
        var reader = _readers.GetOrAdd((id, type), AvroCodec.Deserializer(type, writer, target));
        return Read(reader, message);
    }

    private static object? Read(IAvroDeserializer reader, ReadOnlyMemory<byte> message) =>
        reader.Deserialize(message.Span[ConfluentWireFormat.HeaderLength..], ConfluentWireFormat.HeaderLength);

    private async Task<AvroSchema> WriterSchemaAsync(int id, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            var schema = await _registry.GetSchemaAsync(id).ConfigureAwait(false);
            return AvroSchema.Parse(schema.SchemaString);
        }
        catch (SchemaRegistryException ex) when (ex.ErrorCode == SchemaNotFound)
        {
            throw new AvroWireFormatException($"Schema id {id} in the header is unknown to the schema registry", 1, ex);
        }
    }
}
