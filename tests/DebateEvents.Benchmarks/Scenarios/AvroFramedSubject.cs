using Confluent.SchemaRegistry;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Registry;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// Our framed path through the same registry client: <see cref="ConfluentAvroSerializer"/> into a reused pooled buffer
/// and <see cref="ConfluentAvroDeserializer"/>, both past their first message (schema id and compiled codec cached).
/// </summary>
internal sealed class AvroFramedSubject : IDisposable
{
    private readonly AvroBenchmarkEvent _value;
    private readonly string _topic;
    private readonly ConfluentAvroSerializer _serializer;
    private readonly ConfluentAvroDeserializer _deserializer;
    private readonly PooledBufferWriter _buffer = new();
    private byte[] _message = [];

    public AvroFramedSubject(ISchemaRegistryClient registry, AvroBenchmarkEvent value, string topic)
    {
        _value = value;
        _topic = topic;
        _serializer = new ConfluentAvroSerializer(registry, new SchemaRegistryOptions { AutoRegisterSchemas = true });
        _deserializer = new ConfluentAvroDeserializer(registry);
    }

    /// <summary>The framed message the deserializer reads: the one written by <see cref="PrepareAsync"/>.</summary>
    public byte[] Message => _message;

    /// <summary>Registers the schema and reads it back by id, so measured calls find both cached.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _message = await _serializer.SerializeAsync(_value, _topic, cancellationToken);
        await _deserializer.DeserializeAsync<AvroBenchmarkEvent>(_message, cancellationToken);
    }

    public void Serialize()
    {
        _buffer.Reset();
        AvroMeasurement.Completed(_serializer.SerializeAsync(_value, _topic, _buffer));
    }

    public AvroBenchmarkEvent Deserialize() => AvroMeasurement.Completed(_deserializer.DeserializeAsync<AvroBenchmarkEvent>(_message));

    public void Dispose() => _buffer.Dispose();
}
