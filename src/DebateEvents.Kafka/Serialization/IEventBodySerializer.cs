namespace DebateEvents.Kafka.Serialization;

/// <summary>
/// Turns an event into a Kafka record value and back. The record's <c>content-type</c> header
/// carries <see cref="ContentType"/>, so a consumer endpoint picks the serializer per record.
/// </summary>
public interface IEventBodySerializer
{
    /// <summary>The MIME type written to the <c>content-type</c> header, for example <c>application/json</c>.</summary>
    string ContentType { get; }

    /// <summary>Serializes <paramref name="message"/> as <paramref name="messageType"/> for <paramref name="topic"/>.</summary>
    /// <exception cref="EventSerializationException">The event cannot be serialized; the message names the type and field.</exception>
    byte[] Serialize(object message, Type messageType, string topic);

    /// <summary>Reads a record value written for <paramref name="topic"/> as <paramref name="messageType"/>.</summary>
    /// <exception cref="EventSerializationException">The body is not a valid <paramref name="messageType"/>.</exception>
    object Deserialize(ReadOnlyMemory<byte> body, Type messageType, string topic);

    /// <summary>
    /// Asynchronous <see cref="Serialize"/>, for serializers that may need a remote call first (a schema
    /// registry); callers on asynchronous paths use this one.
    /// </summary>
    /// <exception cref="EventSerializationException">The event cannot be serialized; the message names the type and field.</exception>
    ValueTask<byte[]> SerializeAsync(object message, Type messageType, string topic, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Serialize(message, messageType, topic));

    /// <summary>Asynchronous <see cref="Deserialize"/>, for serializers that may need to fetch a writer schema.</summary>
    /// <exception cref="EventSerializationException">The body is not a valid <paramref name="messageType"/>.</exception>
    ValueTask<object> DeserializeAsync(ReadOnlyMemory<byte> body, Type messageType, string topic, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Deserialize(body, messageType, topic));
}
