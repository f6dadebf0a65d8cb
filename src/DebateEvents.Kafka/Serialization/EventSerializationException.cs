namespace DebateEvents.Kafka.Serialization;

/// <summary>An event could not be written to or read from a Kafka record body.</summary>
public sealed class EventSerializationException : Exception
{
    /// <summary>Creates the exception for <paramref name="messageType"/>.</summary>
    public EventSerializationException(Type messageType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        MessageType = messageType;
    }

    /// <summary>The event type that was being written or read.</summary>
    public Type MessageType { get; }
}
