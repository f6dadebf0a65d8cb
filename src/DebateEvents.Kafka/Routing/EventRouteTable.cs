using System.Collections.Concurrent;

namespace DebateEvents.Kafka.Routing;

/// <summary>
/// The one place that says which event type goes to which topic with which key, and which
/// <c>ce_type</c> names which CLR type. Shared by the rider's producers, its topic endpoints and
/// the outbox, so they always agree.
/// </summary>
public sealed class EventRouteTable
{
    private readonly ConcurrentDictionary<Type, EventRoute> _byType = new();
    private readonly ConcurrentDictionary<string, Type> _byEventType = new(StringComparer.Ordinal);

    /// <summary>Every route added so far.</summary>
    public IReadOnlyCollection<EventRoute> Routes => _byType.Values.ToArray();

    /// <summary>
    /// Routes <typeparamref name="T"/> to <paramref name="topic"/>, keyed by <paramref name="keySelector"/>.
    /// <paramref name="eventType"/> defaults to the type's full name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The type, or its event type name, is routed differently already.</exception>
    public EventRoute Add<T>(string topic, Func<T, object?>? keySelector = null, string? eventType = null)
        where T : class
    {
        Func<object, object?>? untyped = keySelector is null ? null : message => keySelector((T)message);
        return Add(typeof(T), topic, untyped, eventType);
    }

    /// <summary>Untyped form of <see cref="Add{T}"/>.</summary>
    public EventRoute Add(Type messageType, string topic, Func<object, object?>? keySelector = null, string? eventType = null)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var name = eventType ?? messageType.FullName ?? messageType.Name;
        var route = new EventRoute(messageType, topic, name, keySelector);
        var stored = _byType.GetOrAdd(messageType, route);
        if (!ReferenceEquals(stored, route) && stored.Topic != topic)
        {
            throw new InvalidOperationException(
                $"{messageType.FullName} is routed to topic '{stored.Topic}' already; it cannot also go to '{topic}'.");
        }

        var owner = _byEventType.GetOrAdd(name, messageType);
        if (owner != messageType)
        {
            throw new InvalidOperationException($"Event type name '{name}' names {owner.FullName} already.");
        }

        return stored;
    }

    /// <summary>Registers a type a topic endpoint accepts without routing it anywhere for producing.</summary>
    public void AddConsumable(Type messageType, string? eventType = null)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        _byEventType.TryAdd(eventType ?? messageType.FullName ?? messageType.Name, messageType);
    }

    /// <summary>The route of <paramref name="messageType"/>, or of its nearest routed base type or interface.</summary>
    public bool TryGetRoute(Type messageType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out EventRoute? route)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        if (_byType.TryGetValue(messageType, out route))
        {
            return true;
        }

        route = _byType.Values.FirstOrDefault(r => r.MessageType.IsAssignableFrom(messageType));
        return route is not null;
    }

    /// <summary>The route of <paramref name="messageType"/>.</summary>
    /// <exception cref="InvalidOperationException">The type has no route; the message names it.</exception>
    public EventRoute GetRoute(Type messageType) =>
        TryGetRoute(messageType, out var route)
            ? route
            : throw new InvalidOperationException($"No Kafka topic is configured for {messageType.FullName}.");

    /// <summary>The CLR type a <c>ce_type</c> header names, if any route or consumer registered it.</summary>
    public bool TryResolve(string eventType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? messageType) =>
        _byEventType.TryGetValue(eventType, out messageType);
}
