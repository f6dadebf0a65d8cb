using System.Buffers;
using System.Collections.Concurrent;
using DebateEvents.Avro.Serialization;
using DebateEvents.Avro.WireFormat;

namespace DebateEvents.Avro.Registry;

/// <summary>
/// Writes <see cref="IAvroRecord"/> messages in the Confluent wire format: the schema id from the registry (looked up,
/// or registered when <see cref="SchemaRegistryOptions.AutoRegisterSchemas"/> is on), then the Avro body. Ids are
/// cached per type and topic, so only the first message of each pair talks to the registry.
/// </summary>
public sealed class ConfluentAvroSerializer
{
    private readonly ISchemaRegistryClient _registry;
    private readonly SchemaRegistryOptions _options;
    private readonly ConcurrentDictionary<(Type Type, string Topic), int> _ids = new();

    /// <summary>Creates the serializer.</summary>
    /// <param name="registry">The registry holding the schemas.</param>
    /// <param name="options">Subject naming and auto-registration settings.</param>
    public ConfluentAvroSerializer(ISchemaRegistryClient registry, SchemaRegistryOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _options = options;
    }

    /// <summary>The <c>content-type</c> a transport should write next to bodies in this format.</summary>
    public const string ContentType = "application/avro";

    /// <summary>Appends the framed message to <paramref name="output"/>.</summary>
    /// <param name="message">An instance of a type carrying its schema (a generated contract).</param>
    /// <param name="topic">The topic the message goes to; it names the subject.</param>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="cancellationToken">Cancels a registry call.</param>
    /// <returns>The schema id written in the header.</returns>
    /// <exception cref="SchemaRegistryException">The schema is not registered (and auto-registration is off), or is incompatible.</exception>
    public async ValueTask<int> SerializeAsync(object message, string topic, IBufferWriter<byte> output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        var id = await PrepareAsync(message.GetType(), topic, cancellationToken);
        Write(message, id, output);
        return id;
    }

    /// <summary>
    /// Resolves (and caches) the schema id for a type and topic ahead of time, e.g. at startup, so that
    /// <see cref="TrySerialize"/> can run synchronously.
    /// </summary>
    /// <param name="type">A type carrying its schema.</param>
    /// <param name="topic">The topic its messages go to.</param>
    /// <param name="cancellationToken">Cancels a registry call.</param>
    /// <returns>The schema id.</returns>
    public async ValueTask<int> PrepareAsync(Type type, string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_ids.TryGetValue((type, topic), out var id))
        {
            return id;
        }

        var schema = SchemaOf(type);
        var subject = SubjectNames.For(_options.SubjectNameStrategy, topic, (schema as Schemas.NamedSchema)?.FullName ?? type.FullName!);
        var text = schema.SourceText ?? schema.CanonicalForm;
        id = _options.AutoRegisterSchemas
            ? await _registry.RegisterSchemaAsync(subject, text, cancellationToken)
            : (await _registry.LookupSchemaAsync(subject, text, cancellationToken)).Id;
        _ids[(type, topic)] = id;
        return id;
    }

    /// <summary>Writes the framed message without waiting, when the schema id for the type and topic is already known.</summary>
    /// <param name="message">An instance of a type carrying its schema.</param>
    /// <param name="topic">The topic the message goes to.</param>
    /// <param name="output">Where the bytes go; untouched when the method returns false.</param>
    /// <returns>False when the id is not cached yet: call <see cref="PrepareAsync"/> or <see cref="SerializeAsync(object, string, IBufferWriter{byte}, CancellationToken)"/> first.</returns>
    public bool TrySerialize(object message, string topic, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        if (!_ids.TryGetValue((message.GetType(), topic), out var id))
        {
            return false;
        }

        Write(message, id, output);
        return true;
    }

    /// <summary>Returns the framed message as a new array.</summary>
    /// <param name="message">An instance of a type carrying its schema.</param>
    /// <param name="topic">The topic the message goes to.</param>
    /// <param name="cancellationToken">Cancels a registry call.</param>
    /// <returns>The header and body.</returns>
    public async ValueTask<byte[]> SerializeAsync(object message, string topic, CancellationToken cancellationToken = default)
    {
        var buffer = new ArrayBufferWriter<byte>();
        await SerializeAsync(message, topic, buffer, cancellationToken);
        return buffer.WrittenSpan.ToArray();
    }

    private static Schemas.AvroSchema SchemaOf(Type type) =>
        AvroCodec.SchemaOf(type) ?? throw new AvroTypeMappingException($"{type.Name} does not carry an Avro schema (implement IAvroRecord).");

    private static void Write(object message, int id, IBufferWriter<byte> output)
    {
        var type = message.GetType();
        ConfluentWireFormat.WriteHeader(output, id);
        AvroCodec.Serializer(type, SchemaOf(type)).Serialize(message, output);
    }
}
