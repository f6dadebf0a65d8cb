using Confluent.SchemaRegistry;
using DebateEvents.Avro;
using DebateEvents.Avro.Registry;

namespace DebateEvents.Kafka.Serialization;

/// <summary>
/// Avro bodies in the Confluent wire format (magic byte, schema id, Avro binary), with schemas
/// registered in or looked up from a schema registry through Confluent's client.
/// Event types carry their schema (generated contracts implement <see cref="IAvroRecord"/>).
/// </summary>
public sealed class AvroBodySerializer : IEventBodySerializer
{
    private readonly ConfluentAvroSerializer _serializer;
    private readonly ConfluentAvroDeserializer _deserializer;

    /// <summary>Creates the serializer over <paramref name="registry"/> (Confluent's <c>CachedSchemaRegistryClient</c>, or your own).</summary>
    public AvroBodySerializer(ISchemaRegistryClient registry, SchemaRegistryOptions options)
    {
        _serializer = new ConfluentAvroSerializer(registry, options);
        _deserializer = new ConfluentAvroDeserializer(registry);
    }

    /// <inheritdoc />
    public string ContentType => ConfluentAvroSerializer.ContentType;

    /// <summary>
    /// Serializes without waiting. The schema id of <paramref name="messageType"/> on
    /// <paramref name="topic"/> must be known already (an earlier <see cref="SerializeAsync"/> or
    /// <see cref="PrepareAsync"/>); asynchronous callers use <see cref="SerializeAsync"/>.
    /// </summary>
    public byte[] Serialize(object message, Type messageType, string topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        var written = Wrap(messageType, () => _serializer.TrySerialize(message, topic, buffer));
        return written
            ? buffer.WrittenSpan.ToArray()
            : throw new EventSerializationException(messageType,
                $"The schema of {messageType.FullName} for topic '{topic}' is not registered yet; serialize asynchronously or prepare it at start.");
    }

    /// <inheritdoc />
    public async ValueTask<byte[]> SerializeAsync(object message, Type messageType, string topic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return await _serializer.SerializeAsync(message, topic, cancellationToken);
        }
        catch (AvroException ex)
        {
            throw new EventSerializationException(messageType, $"Cannot write {messageType.FullName} as Avro: {ex.Message}", ex);
        }
    }

    /// <summary>Registers (or looks up) the schema of <paramref name="messageType"/> for <paramref name="topic"/>.</summary>
    public async ValueTask PrepareAsync(Type messageType, string topic, CancellationToken cancellationToken)
    {
        try
        {
            await _serializer.PrepareAsync(messageType, topic, cancellationToken);
        }
        catch (AvroException ex)
        {
            throw new EventSerializationException(messageType, $"Cannot register the Avro schema of {messageType.FullName} for '{topic}': {ex.Message}", ex);
        }
    }

    /// <summary>Deserializes without waiting; the writer schema id must be known already.</summary>
    public object Deserialize(ReadOnlyMemory<byte> body, Type messageType, string topic)
    {
        object? value = null;
        var read = Wrap(messageType, () => _deserializer.TryDeserialize(body, messageType, out value));
        return read && value is not null
            ? value
            : throw new EventSerializationException(messageType,
                $"The writer schema of this {messageType.FullName} record is not known yet; deserialize asynchronously.");
    }

    /// <summary>
    /// Reads the body, fetching its writer schema from the registry when it is new. A body that is not
    /// valid Avro throws <see cref="EventSerializationException"/> (dead-letter it); an unreachable
    /// registry throws Confluent's <see cref="SchemaRegistryException"/> or an <see cref="HttpRequestException"/>
    /// (try again later: the record is fine).
    /// </summary>
    public async ValueTask<object> DeserializeAsync(ReadOnlyMemory<byte> body, Type messageType, string topic, CancellationToken cancellationToken)
    {
        try
        {
            return await _deserializer.DeserializeAsync(body, messageType, cancellationToken)
                ?? throw new EventSerializationException(messageType, $"The Avro body for {messageType.FullName} decoded to null.");
        }
        catch (AvroException ex)
        {
            throw new EventSerializationException(messageType, $"Cannot read {messageType.FullName} from Avro: {ex.Message}", ex);
        }
    }

    private static bool Wrap(Type messageType, Func<bool> action)
    {
        try
        {
            return action();
        }
        catch (AvroException ex)
        {
            throw new EventSerializationException(messageType, $"Avro codec failed for {messageType.FullName}: {ex.Message}", ex);
        }
    }
}
