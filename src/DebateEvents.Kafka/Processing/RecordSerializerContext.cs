using System.Diagnostics.CodeAnalysis;
using System.Net.Mime;
using MassTransit;
using MassTransit.Serialization;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Serializer context over a record body the endpoint already deserialized; accepts the event's type
/// and every base type or interface it implements, so consumers of a base type receive it too.
/// </summary>
internal sealed class RecordSerializerContext : BaseSerializerContext
{
    private static readonly ContentType JsonContentType = new("application/json");
    private readonly object _message;
    private readonly Type _messageType;

    public RecordSerializerContext(object message, Type messageType, string[] messageTypeUrns, MessageContext messageContext)
        : base(SystemTextJsonMessageSerializer.Instance, messageContext, messageTypeUrns)
    {
        _message = message;
        _messageType = messageType;
    }

    public override bool IsSupportedMessageType<T>() => IsSupportedMessageType(typeof(T));

    public override bool IsSupportedMessageType(Type messageType) => messageType.IsAssignableFrom(_messageType);

    public override bool TryGetMessage<T>([NotNullWhen(true)] out T? message)
        where T : class
    {
        message = _message as T;
        return message is not null;
    }

    public override bool TryGetMessage(Type messageType, [NotNullWhen(true)] out object? message)
    {
        message = IsSupportedMessageType(messageType) ? _message : null;
        return message is not null;
    }

    public override IMessageSerializer GetMessageSerializer() =>
        new SystemTextJsonBodyMessageSerializer(new JsonMessageEnvelope(this, _message, SupportedMessageTypes), JsonContentType,
            SystemTextJsonMessageSerializer.Options);

    public override IMessageSerializer GetMessageSerializer<T>(MessageEnvelope envelope, T message)
    {
        var serializer = new SystemTextJsonBodyMessageSerializer(envelope, JsonContentType, SystemTextJsonMessageSerializer.Options);
        serializer.Overlay(message);
        return serializer;
    }

    public override IMessageSerializer GetMessageSerializer(object message, string[] messageTypes) =>
        new SystemTextJsonBodyMessageSerializer(new JsonMessageEnvelope(this, message, messageTypes), JsonContentType,
            SystemTextJsonMessageSerializer.Options);

    public override Dictionary<string, object> ToDictionary<T>(T? message)
        where T : class =>
        message is null ? [] : MassTransit.Util.ConvertObject.ToDictionary(message);
}
