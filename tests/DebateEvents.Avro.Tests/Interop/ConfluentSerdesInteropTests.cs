using Avro.Generic;
using Avro.IO;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Serdes = Confluent.SchemaRegistry.Serdes;
using DebateEvents.Avro.Registry;
using DebateEvents.Avro.Tests.Registry;

namespace DebateEvents.Avro.Tests.Interop;

/// <summary>Our codec against Confluent's Avro serdes (built on Apache.Avro), through one embedded registry.</summary>
[Trait("Category", "Integration")]
public sealed class ConfluentSerdesInteropTests : IClassFixture<RegistryFixture>
{
    private readonly RegistryFixture _registry;

    public ConfluentSerdesInteropTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    public static TheoryData<int> Cases() => new(Enumerable.Range(0, EdgeEvents.All().Count()));

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task OurRecords_AreReadByConfluentsGenericDeserializer_WithEqualValues(int index)
    {
        var value = EdgeEvents.All().ElementAt(index);
        using var client = _registry.Client();
        var topic = $"interop-{Guid.NewGuid():N}";
        var ours = await new ConfluentAvroSerializer(client, new SchemaRegistryOptions { AutoRegisterSchemas = true }).SerializeAsync(value, topic);

        var record = await new Serdes.AvroDeserializer<GenericRecord>(client).DeserializeAsync(ours, isNull: false, Context(topic));

        // Apache.Avro writing back what Confluent read gives our body byte for byte: every value survived.
        Assert.Equal(Convert.ToHexString(ours.AsSpan(5)), Convert.ToHexString(WriteWithApache(record)));
        Assert.Equal(AvroCodec.SchemaOf(value.GetType())!.CanonicalForm, global::Avro.SchemaNormalization.ToParsingForm(record.Schema));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ConfluentsRecords_AreReadByOurDeserializer_IntoTheGeneratedContracts(int index)
    {
        var value = EdgeEvents.All().ElementAt(index);
        using var client = _registry.Client();
        var topic = $"interop-{Guid.NewGuid():N}";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        AvroCodec.Serializer(value.GetType(), AvroCodec.SchemaOf(value.GetType())!).Serialize(value, buffer);
        var body = buffer.WrittenSpan.ToArray();
        var record = ReadWithApache(AvroCodec.SchemaOf(value.GetType())!.SourceText!, body);
        var serializer = new Serdes.AvroSerializer<GenericRecord>(client, new Serdes.AvroSerializerConfig { AutoRegisterSchemas = true, SubjectNameStrategy = SubjectNameStrategy.TopicRecord });

        var theirs = await serializer.SerializeAsync(record, Context(topic));
        var decoded = await new ConfluentAvroDeserializer(client).DeserializeAsync(theirs, value.GetType());

        Assert.Equal(Convert.ToHexString(body), Convert.ToHexString(theirs.AsSpan(5)));
        Assert.Equivalent(value, decoded, strict: true);
    }

    private static SerializationContext Context(string topic) => new(MessageComponentType.Value, topic);

    private static byte[] WriteWithApache(GenericRecord record)
    {
        using var stream = new MemoryStream();
        new GenericDatumWriter<GenericRecord>(record.Schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    private static GenericRecord ReadWithApache(string schemaText, byte[] body)
    {
        var schema = global::Avro.Schema.Parse(schemaText);
        using var stream = new MemoryStream(body);
        return new GenericDatumReader<GenericRecord>(schema, schema).Read(null!, new BinaryDecoder(stream));
    }
}
