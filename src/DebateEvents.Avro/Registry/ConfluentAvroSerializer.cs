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
        var type = message.GetType();
        var schema = AvroCodec.SchemaOf(type) ?? throw new AvroTypeMappingException($"{type.Name} does not carry an Avro schema (implement IAvroRecord).");
        if (!_ids.TryGetValue((type, topic), out var id))
        {
            var subject = SubjectNames.For(_options.SubjectNameStrategy, topic, (schema as Schemas.NamedSchema)?.FullName ?? type.FullName!);
            var text = schema.SourceText ?? schema.CanonicalForm;
            id = _options.AutoRegisterSchemas
                ? await _registry.RegisterSchemaAsync(subject, text, cancellationToken)
                : (await _registry.LookupSchemaAsync(subject, text, cancellationToken)).Id;
            _ids[(type, topic)] = id;
        }

        ConfluentWireFormat.WriteHeader(output, id);
        AvroCodec.Serializer(type, schema).Serialize(message, output);
        return id;
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
}
