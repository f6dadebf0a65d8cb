using System.Globalization;

namespace DebateEvents.Kafka.Routing;

/// <summary>Where one event type goes: its topic, its record key and its CloudEvents type name.</summary>
public sealed class EventRoute
{
    private readonly Func<object, object?>? _keySelector;

    internal EventRoute(Type messageType, string topic, string eventType, Func<object, object?>? keySelector)
    {
        MessageType = messageType;
        Topic = topic;
        EventType = eventType;
        _keySelector = keySelector;
    }

    /// <summary>The CLR event type.</summary>
    public Type MessageType { get; }

    /// <summary>The Kafka topic records of this type are written to.</summary>
    public string Topic { get; }

    /// <summary>The <c>ce_type</c> header value naming this type on the wire.</summary>
    public string EventType { get; }

    /// <summary>
    /// The record key for <paramref name="message"/> (its partitioning and ordering key), or null
    /// when the route has no key selector. Guids use the "D" format; other values their invariant text.
    /// </summary>
    public string? GetKey(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _keySelector?.Invoke(message) switch
        {
            null => null,
            string text => text,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }
}
