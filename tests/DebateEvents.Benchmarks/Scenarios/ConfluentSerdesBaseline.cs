using Confluent.Kafka;
using Confluent.Kafka.SyncOverAsync;
using Confluent.SchemaRegistry;
using zamaz.debate.benchmark;
using Serdes = Confluent.SchemaRegistry.Serdes;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Confluent's Avro serdes on the specific record, auto-registering through a registry client: what a producer and a
/// consumer using Confluent.SchemaRegistry.Serdes.Avro run per message once the schema id is cached. Their async
/// calls never complete synchronously (each runs its rule stages through <c>ContinueWith</c>, on the thread pool), so
/// they are called through Confluent's own sync-over-async adapters, as Confluent.Kafka's consumer and its synchronous
/// <c>Produce</c> call them.
/// </summary>
internal sealed class ConfluentSerdesBaseline
{
    private readonly ArgumentRebutted _record;
    private readonly Serdes.AvroSerializer<ArgumentRebutted> _serializer;
    private readonly Serdes.AvroDeserializer<ArgumentRebutted> _deserializer;
    private readonly ISerializer<ArgumentRebutted> _syncSerializer;
    private readonly IDeserializer<ArgumentRebutted> _syncDeserializer;
    private readonly SerializationContext _context;
    private byte[] _message = [];

    public ConfluentSerdesBaseline(ISchemaRegistryClient registry, AvroBenchmarkEvent value, string topic)
    {
        _record = ApacheAvroBaseline.ToSpecific(value);
        // The same subject as ours (TopicRecord), so both register one schema and frame with one id.
        _serializer = new Serdes.AvroSerializer<ArgumentRebutted>(registry, new Serdes.AvroSerializerConfig
        {
            AutoRegisterSchemas = true,
            SubjectNameStrategy = SubjectNameStrategy.TopicRecord,
        });
        _deserializer = new Serdes.AvroDeserializer<ArgumentRebutted>(registry);
        _syncSerializer = _serializer.AsSyncOverAsync();
        _syncDeserializer = _deserializer.AsSyncOverAsync();
        _context = new SerializationContext(MessageComponentType.Value, topic);
    }

    /// <summary>The framed message of the last serialization.</summary>
    public byte[] Message => _message;

    /// <summary>Registers the schema and reads it back by id, so measured calls find both cached.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _message = await _serializer.SerializeAsync(_record, _context);
        await _deserializer.DeserializeAsync(_message, isNull: false, _context);
    }

    public void Serialize() => _message = _syncSerializer.Serialize(_record, _context);

    public ArgumentRebutted Deserialize() => _syncDeserializer.Deserialize(_message, isNull: false, _context);
}
