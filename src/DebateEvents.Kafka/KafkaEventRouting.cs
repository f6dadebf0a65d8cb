using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Serialization;

namespace DebateEvents.Kafka;

/// <summary>
/// Everything that decides how an event becomes a record and back: the route table, the body
/// serializer of each topic, and the <c>ce_source</c> of this service. One instance per container,
/// filled by <c>r.AddProducer</c> and <c>r.UseBodySerializer</c> while services are registered,
/// so the outbox and the rider agree before the bus starts.
/// </summary>
public sealed class KafkaEventRouting
{
    private readonly Dictionary<string, IEventBodySerializer> _byTopic = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IEventBodySerializer> _byContentType = new(StringComparer.OrdinalIgnoreCase);
    private IEventBodySerializer _default;

    /// <summary>Creates routing with JSON bodies and the source <c>urn:debate-events</c>.</summary>
    public KafkaEventRouting()
    {
        _default = new SystemTextJsonBodySerializer();
        _byContentType[_default.ContentType] = _default;
    }

    /// <summary>Which type goes to which topic with which key, and which <c>ce_type</c> names which type.</summary>
    public EventRouteTable Routes { get; } = new();

    /// <summary>The <c>ce_source</c> URI written on every record this service produces.</summary>
    public string Source { get; set; } = "urn:debate-events";

    /// <summary>Uses <paramref name="serializer"/> for every topic without its own serializer.</summary>
    public void UseDefaultSerializer(IEventBodySerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        _default = serializer;
        _byContentType[serializer.ContentType] = serializer;
    }

    /// <summary>Uses <paramref name="serializer"/> to write records of <paramref name="topic"/> (and of its retry topic).</summary>
    public void UseSerializer(string topic, IEventBodySerializer serializer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(serializer);
        _byTopic[topic] = serializer;
        _byTopic[TopicNames.Retry(topic)] = serializer;
        _byContentType[serializer.ContentType] = serializer;
    }

    /// <summary>The serializer that writes records of <paramref name="topic"/>.</summary>
    public IEventBodySerializer SerializerForTopic(string topic) =>
        _byTopic.TryGetValue(topic, out var serializer) ? serializer : _default;

    /// <summary>
    /// The serializer that reads a record with the given <c>content-type</c> header; records without
    /// the header are read with the topic's serializer.
    /// </summary>
    public bool TryGetDeserializer(string? contentType, string topic, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEventBodySerializer? serializer)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            serializer = SerializerForTopic(topic);
            return true;
        }

        return _byContentType.TryGetValue(contentType, out serializer);
    }

    /// <summary>A record builder over these routes and serializers; the producers and the outbox use it.</summary>
    public EventRecordBuilder CreateRecordBuilder() => new(Routes, SerializerForTopic, Source);
}
