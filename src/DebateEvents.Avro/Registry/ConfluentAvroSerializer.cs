using System.Buffers;
using System.Collections.Concurrent;
using Confluent.SchemaRegistry;
using DebateEvents.Avro.Serialization;
using DebateEvents.Avro.WireFormat;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// Writes <see cref="IAvroRecord"/> messages in the Confluent wire format: the schema id from the registry (looked up,
/// or registered when <see cref="SchemaRegistryOptions.AutoRegisterSchemas"/> is on), then the Avro body. The id and
/// the compiled body writer are cached per type and topic, so only the first message of each pair talks to the
/// registry and later ones cost one dictionary lookup over the body.
/// </summary>
public sealed class ConfluentAvroSerializer
{
    private readonly ISchemaRegistryClient _registry;
    private readonly SchemaRegistryOptions _options;
    private readonly ConcurrentDictionary<(Type Type, string Topic), FramedWriter> _writers = new();

    // Producers write one type to one topic run after run: the last pair answers without hashing the topic.
    private FramedWriter? _last;

    /// <summary>Creates the serializer over Confluent's registry client (or any <see cref="ISchemaRegistryClient"/>).</summary>
    public ConfluentAvroSerializer(ISchemaRegistryClient registry, SchemaRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _options = options;
    }

    /// <summary>The <c>content-type</c> a transport should write next to bodies in this format.</summary>
    public const string ContentType = "application/avro";

    /// <summary>Appends the framed message to <paramref name="output"/> and returns the schema id in its header.</summary>
    /// <exception cref="SchemaRegistryException">The schema is not registered (and auto-registration is off), or is incompatible.</exception>
    /// <exception cref="AvroTypeMappingException">The type carries no Avro schema.</exception>
    public ValueTask<int> SerializeAsync(object message, string topic, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        if (Cached(message.GetType(), topic) is { } writer)
        {
            writer.Write(message, output);
            return ValueTask.FromResult(writer.SchemaId);
        }

        return SerializeSlowAsync(message, topic, output, cancellationToken);
    }

    /// <summary>Returns the framed message as a new array.</summary>
    public async ValueTask<byte[]> SerializeAsync(object message, string topic, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await SerializeAsync(message, topic, buffer, cancellationToken).ConfigureAwait(false);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the framed message without waiting, when the schema id of the type on the topic is known already.</summary>
    /// <returns>False, with <paramref name="output"/> untouched, when it is not: call <see cref="PrepareAsync"/> or a SerializeAsync method first.</returns>
    public bool TrySerialize(object message, string topic, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        if (Cached(message.GetType(), topic) is not { } writer)
        {
            return false;
        }

        writer.Write(message, output);
        return true;
    }

    /// <summary>Resolves (and caches) the schema id of a type on a topic ahead of time, for example at start.</summary>
    public async ValueTask<int> PrepareAsync(Type type, string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        return (await WriterAsync(type, topic, cancellationToken).ConfigureAwait(false)).SchemaId;
    }

    private FramedWriter? Cached(Type type, string topic)
    {
        if (_last is { } last && last.Type == type && (ReferenceEquals(last.Topic, topic) || last.Topic == topic))
        {
            return last;
        }

        if (_writers.TryGetValue((type, topic), out var writer))
        {
            _last = writer;
            return writer;
        }

        return null;
    }

    private async ValueTask<int> SerializeSlowAsync(object message, string topic, IBufferWriter<byte> output, CancellationToken cancellationToken)
    {
        var writer = await WriterAsync(message.GetType(), topic, cancellationToken).ConfigureAwait(false);
        writer.Write(message, output);
        return writer.SchemaId;
    }

    private async ValueTask<FramedWriter> WriterAsync(Type type, string topic, CancellationToken cancellationToken)
    {
        if (_writers.TryGetValue((type, topic), out var cached))
        {
            return cached;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var schema = AvroCodec.SchemaOf(type) ?? throw new AvroTypeMappingException($"{type.Name} does not carry an Avro schema (implement IAvroRecord).");
        var subject = SubjectNames.For(_options.SubjectNameStrategy, topic, (schema as Schemas.NamedSchema)?.FullName ?? type.FullName!);
        var registered = new Schema(schema.SourceText ?? schema.CanonicalForm, SchemaType.Avro);
        var id = _options.AutoRegisterSchemas
            ? await _registry.RegisterSchemaAsync(subject, registered, normalize: false).ConfigureAwait(false)
            : (await _registry.LookupSchemaAsync(subject, registered, ignoreDeletedSchemas: true, normalize: false).ConfigureAwait(false)).Id;
        return _writers.GetOrAdd((type, topic), new FramedWriter(type, topic, id, AvroCodec.Serializer(type, schema)));
    }

    private sealed class FramedWriter(Type type, string topic, int schemaId, IAvroSerializer body)
    {
        public Type Type { get; } = type;

        public string Topic { get; } = topic;

        public int SchemaId { get; } = schemaId;

        public void Write(object message, IBufferWriter<byte> output)
        {
            ConfluentWireFormat.WriteHeader(output, SchemaId);
            body.Serialize(message, output);
        }
    }
}
