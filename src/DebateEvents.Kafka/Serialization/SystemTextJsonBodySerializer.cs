using System.Text.Json;

namespace DebateEvents.Kafka.Serialization;

/// <summary>JSON bodies (<c>application/json</c>) through System.Text.Json with web defaults.</summary>
public sealed class SystemTextJsonBodySerializer : IEventBodySerializer
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Creates the serializer; <paramref name="options"/> defaults to <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public SystemTextJsonBodySerializer(JsonSerializerOptions? options = null)
    {
        _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    /// <inheritdoc />
    public string ContentType => "application/json";

    /// <inheritdoc />
    public byte[] Serialize(object message, Type messageType, string topic)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(message, messageType, _options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new EventSerializationException(messageType, $"Cannot serialize {messageType.FullName} as JSON: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public object Deserialize(ReadOnlyMemory<byte> body, Type messageType, string topic)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, messageType, _options)
                ?? throw new EventSerializationException(messageType, $"The JSON body for {messageType.FullName} is null.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            throw new EventSerializationException(messageType, $"Cannot read {messageType.FullName} from JSON: {ex.Message}", ex);
        }
    }
}
