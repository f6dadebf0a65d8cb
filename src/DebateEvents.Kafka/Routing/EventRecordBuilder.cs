using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DebateEvents.Kafka.Serialization;

namespace DebateEvents.Kafka.Routing;

/// <summary>
/// Builds the Kafka record for an event from its route, its serializer and its envelope (id, time,
/// correlation), and the current trace context. Used by the producers and by the outbox.
/// </summary>
public sealed class EventRecordBuilder
{
    private readonly EventRouteTable _routes;
    private readonly Func<string, IEventBodySerializer> _serializerForTopic;
    private readonly byte[] _source;
    private readonly ConcurrentDictionary<string, byte[]> _constants = new(StringComparer.Ordinal);
    private static readonly byte[] SpecVersion = Encoding.UTF8.GetBytes(CloudEventHeaders.SpecVersionValue);

    /// <summary>
    /// Creates a builder. <paramref name="serializerForTopic"/> picks the body serializer of a topic;
    /// <paramref name="source"/> is the <c>ce_source</c> URI of this service.
    /// </summary>
    public EventRecordBuilder(EventRouteTable routes, Func<string, IEventBodySerializer> serializerForTopic, string source)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(serializerForTopic);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        _routes = routes;
        _serializerForTopic = serializerForTopic;
        _source = Encoding.UTF8.GetBytes(source);
    }

    /// <summary>Serializes <paramref name="message"/> into its record.</summary>
    /// <exception cref="InvalidOperationException">The message type has no route.</exception>
    /// <exception cref="EventSerializationException">The body cannot be serialized.</exception>
    public EventRecord Build(object message, EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        var route = _routes.GetRoute(message.GetType());
        var serializer = _serializerForTopic(route.Topic);
        return Assemble(message, envelope, route, serializer, serializer.Serialize(message, route.MessageType, route.Topic));
    }

    /// <summary>
    /// Asynchronous <see cref="Build"/>: lets a serializer that needs a remote call (a schema registry)
    /// make it without blocking.
    /// </summary>
    /// <exception cref="InvalidOperationException">The message type has no route.</exception>
    /// <exception cref="EventSerializationException">The body cannot be serialized.</exception>
    public async ValueTask<EventRecord> BuildAsync(object message, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        var route = _routes.GetRoute(message.GetType());
        var serializer = _serializerForTopic(route.Topic);
        var value = await serializer.SerializeAsync(message, route.MessageType, route.Topic, cancellationToken);
        return Assemble(message, envelope, route, serializer, value);
    }

    /// <summary>
    /// Builds the record of <paramref name="message"/> around <paramref name="value"/>, a body its topic's serializer
    /// wrote already: for an envelope that changed after serializing (a new event id or correlation id), without
    /// serializing again.
    /// </summary>
    /// <exception cref="InvalidOperationException">The message type has no route.</exception>
    public EventRecord BuildWithBody(object message, EventEnvelope envelope, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(value);
        var route = _routes.GetRoute(message.GetType());
        return Assemble(message, envelope, route, _serializerForTopic(route.Topic), value);
    }

    /// <summary>
    /// Builds the record of <paramref name="message"/> for <paramref name="topic"/> instead of its route's topic,
    /// with <paramref name="extraHeaders"/> after the usual ones: requests and replies. A type without a route
    /// gets its full name as <c>ce_type</c> and no key.
    /// </summary>
    internal async ValueTask<EventRecord> BuildForTopicAsync(object message, EventEnvelope envelope, string topic,
        IEnumerable<KeyValuePair<string, byte[]>> extraHeaders, CancellationToken cancellationToken)
    {
        var type = message.GetType();
        var route = _routes.TryGetRoute(type, out var routed) ? routed : new EventRoute(type, topic, type.FullName ?? type.Name, null);
        var serializer = _serializerForTopic(topic);
        var value = await serializer.SerializeAsync(message, route.MessageType, topic, cancellationToken);
        var record = Assemble(message, envelope, route, serializer, value, topic);
        return new EventRecord(topic, record.Key, record.Value, [.. record.Headers, .. extraHeaders]);
    }

    private EventRecord Assemble(object message, EventEnvelope envelope, EventRoute route, IEventBodySerializer serializer, byte[] value,
        string? topic = null)
    {
        var key = route.GetKey(message);
        var activity = envelope.Activity ?? Activity.Current;
        var traced = activity is { IdFormat: ActivityIdFormat.W3C };
        var hasTraceState = traced && !string.IsNullOrEmpty(activity!.TraceStateString);
        var headers = new KeyValuePair<string, byte[]>[6 + (envelope.CorrelationId is null ? 0 : 1) + (traced ? 1 : 0) + (hasTraceState ? 1 : 0)];
        headers[0] = new(CloudEventHeaders.Id, Utf8(envelope.EventId, "D"));
        headers[1] = new(CloudEventHeaders.Type, Constant(route.EventType));
        headers[2] = new(CloudEventHeaders.Source, _source);
        headers[3] = new(CloudEventHeaders.Time, Utf8(envelope.Time, "O"));
        headers[4] = new(CloudEventHeaders.SpecVersion, SpecVersion);
        headers[5] = new(CloudEventHeaders.ContentType, Constant(serializer.ContentType));
        var next = 6;
        if (envelope.CorrelationId is { } correlationId)
        {
            headers[next++] = new(CloudEventHeaders.CorrelationId, Utf8(correlationId, "D"));
        }

        if (traced)
        {
            headers[next++] = new(CloudEventHeaders.TraceParent, Encoding.UTF8.GetBytes(activity!.Id!));
        }

        if (hasTraceState)
        {
            headers[next] = new(CloudEventHeaders.TraceState, Encoding.UTF8.GetBytes(activity!.TraceStateString!));
        }

        return new EventRecord(topic ?? route.Topic, key is null ? null : Encoding.UTF8.GetBytes(key), value, headers);
    }

    // Header values of a route or serializer repeat on every record: encoded once and shared, as the source is.
    private byte[] Constant(string value) => _constants.GetOrAdd(value, static v => Encoding.UTF8.GetBytes(v));

    // Invariant UTF-8 text straight from the value, without an intermediate string.
    private static byte[] Utf8<T>(T value, string format)
        where T : IUtf8SpanFormattable
    {
        Span<byte> buffer = stackalloc byte[64];
        return value.TryFormat(buffer, out var written, format, CultureInfo.InvariantCulture)
            ? buffer[..written].ToArray()
            : throw new InvalidOperationException($"{typeof(T).Name} '{value}' does not fit a header buffer.");
    }
}
