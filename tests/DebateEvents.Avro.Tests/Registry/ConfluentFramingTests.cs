using System.Text.Json.Nodes;
using Confluent.SchemaRegistry;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Registry;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.WireFormat;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Registry;

[Trait("Category", "Integration")]
public sealed class ConfluentFramingTests : IClassFixture<RegistryFixture>
{
    private readonly RegistryFixture _registry;

    public ConfluentFramingTests(RegistryFixture registry)
    {
        _registry = registry;
    }

    [Fact]
    public async Task Deserializer_ResolvesAnOlderWriterVersionToTheCurrentContract()
    {
        using var client = _registry.Client();
        // The previous version: today's schema without the "confidence" field that version 2 added.
        var schema = JsonNode.Parse(ArgumentSubmitted.SchemaJson)!;
        var fields = schema["fields"]!.AsArray();
        fields.Remove(fields.Single(f => (string?)f!["name"] == "confidence"));
        var previous = schema.ToJsonString();
        var id = await client.RegisterSchemaAsync(Unique("args"), new Schema(previous, SchemaType.Avro));
        var body = AvroJson.ToBinary(AvroSchema.Parse(previous), $$"""
            {"debate_id":"{{SampleEvents.DebateId}}","round":1,"participant":"p","position":"NEUTRAL","content":"c","occurred_at":0}
            """);
        byte[] message = [0, .. BigEndian(id), .. body];

        var decoded = await new ConfluentAvroDeserializer(client).DeserializeAsync<ArgumentSubmitted>(message);

        Assert.Equal((Position.Neutral, (double?)null), (decoded.Position, decoded.Confidence));
        Assert.Equal(SampleEvents.DebateId, decoded.DebateId);
    }

    [Fact]
    public async Task Serializer_WithoutAutoRegistration_RequiresARegisteredSchema()
    {
        using var client = _registry.Client();
        var topic = Unique("metrics");
        var serializer = new ConfluentAvroSerializer(client, new SchemaRegistryOptions());

        var missing = await Assert.ThrowsAsync<SchemaRegistryException>(() => serializer.SerializeAsync(SampleEvents.MetricRecorded(), topic).AsTask());
        Assert.Equal(40401, missing.ErrorCode);
        var id = await client.RegisterSchemaAsync($"{topic}-zamaz.debate.events.MetricRecorded", new Schema(MetricRecorded.SchemaJson, SchemaType.Avro));
        var bytes = await serializer.SerializeAsync(SampleEvents.MetricRecorded(), topic);

        Assert.Equal(id, ConfluentWireFormat.ReadHeader(bytes, out _));
    }

    [Fact]
    public async Task Deserializer_UnknownSchemaIdOrCorruptBody_ThrowTypedExceptions()
    {
        using var client = _registry.Client();
        var deserializer = new ConfluentAvroDeserializer(client);
        var id = await client.RegisterSchemaAsync(Unique("m"), new Schema(MetricRecorded.SchemaJson, SchemaType.Avro));

        var unknown = await Assert.ThrowsAsync<AvroWireFormatException>(() => deserializer.DeserializeAsync<MetricRecorded>(new byte[] { 0, 0, 0, 0x7f, 99, 0 }).AsTask());
        Assert.Equal(1, unknown.Offset);
        Assert.Equal(40403, Assert.IsType<SchemaRegistryException>(unknown.InnerException).ErrorCode);
        await Assert.ThrowsAsync<AvroWireFormatException>(() => deserializer.DeserializeAsync<MetricRecorded>(new byte[] { 7, 0, 0, 0, 1 }).AsTask());
        byte[] corrupt = [0, .. BigEndian(id), 0x02, 0x6D, 0x00];
        var error = await Assert.ThrowsAsync<AvroDecodingException>(() => deserializer.DeserializeAsync<MetricRecorded>(corrupt).AsTask());
        Assert.Equal(7, error.Offset);
    }

    [Fact]
    public async Task SynchronousPaths_WorkAfterTheFirstAsyncCall_AndDeclineBefore()
    {
        using var client = _registry.Client();
        var topic = Unique("evolution");
        var serializer = new ConfluentAvroSerializer(client, new SchemaRegistryOptions { AutoRegisterSchemas = true });
        var deserializer = new ConfluentAvroDeserializer(client);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        Assert.False(serializer.TrySerialize(SampleEvents.EvolutionTriggered(), topic, output));
        Assert.Equal(0, output.WrittenCount);
        await serializer.PrepareAsync(typeof(EvolutionTriggered), topic);
        Assert.True(serializer.TrySerialize(SampleEvents.EvolutionTriggered(), topic, output));

        var message = output.WrittenMemory;
        Assert.False(deserializer.TryDeserialize(message, typeof(EvolutionTriggered), out _));
        await deserializer.DeserializeAsync(message, typeof(EvolutionTriggered));
        Assert.True(deserializer.TryDeserialize(message, typeof(EvolutionTriggered), out var decoded));
        Assert.Equal(SampleEvents.EvolutionTriggered(), decoded);
    }

    [Theory]
    [InlineData(SubjectNameStrategy.Topic, false, "zamaz-debate.debate-events-value")]
    [InlineData(SubjectNameStrategy.Topic, true, "zamaz-debate.debate-events-key")]
    [InlineData(SubjectNameStrategy.Record, false, "zamaz.debate.events.DebateInitiated")]
    [InlineData(SubjectNameStrategy.TopicRecord, false, "zamaz-debate.debate-events-zamaz.debate.events.DebateInitiated")]
    public void SubjectNames_FollowTheConfluentStrategies(SubjectNameStrategy strategy, bool isKey, string expected)
    {
        Assert.Equal(expected, SubjectNames.For(strategy, "zamaz-debate.debate-events", "zamaz.debate.events.DebateInitiated", isKey));
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    private static byte[] BigEndian(int id) => [(byte)(id >> 24), (byte)(id >> 16), (byte)(id >> 8), (byte)id];
}
