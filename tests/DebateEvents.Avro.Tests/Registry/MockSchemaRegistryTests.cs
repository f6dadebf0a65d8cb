using System.Text.Json.Nodes;
using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Compatibility;
using DebateEvents.Avro.Registry;
using DebateEvents.Avro.Schemas;
using DebateEvents.Avro.WireFormat;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Registry;

public class MockSchemaRegistryTests
{
    private const string V1 = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string"}]}""";
    private const string V1Reformatted = """
        { "type": "record", "name": "Thing", "namespace": "t",
          "fields": [ { "name": "id", "type": "string" } ] }
        """;
    private const string V1WithDefault = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"id","type":"string","default":"x"}]}""";

    [Fact]
    public async Task ClientsOfOneMockScope_ShareTheRegistry_OtherScopesDoNot()
    {
        var scope = Guid.NewGuid().ToString("N");
        var first = Mock(scope);
        var id = await first.RegisterSchemaAsync("s", V1);

        Assert.Equal(V1, await Mock(scope).GetSchemaAsync(id));
        await Assert.ThrowsAsync<SchemaNotFoundException>(() => Mock(Guid.NewGuid().ToString("N")).GetSchemaAsync(id));
    }

    [Fact]
    public async Task Register_IsIdempotentAcrossFormatting_AndIdsAreSharedAcrossSubjects()
    {
        var registry = Mock(Guid.NewGuid().ToString("N"));

        var id = await registry.RegisterSchemaAsync("a", V1);

        Assert.Equal(id, await registry.RegisterSchemaAsync("a", V1Reformatted));
        Assert.Equal(id, await registry.RegisterSchemaAsync("b", V1));
        Assert.NotEqual(id, await registry.RegisterSchemaAsync("a", V1WithDefault));
        Assert.Equal(2, (await registry.GetLatestSchemaAsync("a")).Version);
    }

    [Fact]
    public async Task Register_AppliesTheSubjectLevel()
    {
        var registry = Mock(Guid.NewGuid().ToString("N"));
        await registry.RegisterSchemaAsync("s", V1);
        const string Renamed = """{"type":"record","name":"Thing","namespace":"t","fields":[{"name":"key","type":"string"}]}""";

        var ex = await Assert.ThrowsAsync<IncompatibleSchemaException>(() => registry.RegisterSchemaAsync("s", Renamed));
        Assert.Contains("/Thing/key: ReaderFieldMissingDefault", ex.Message, StringComparison.Ordinal);

        await registry.SetCompatibilityAsync(CompatibilityLevel.None, "s");
        var id = await registry.RegisterSchemaAsync("s", Renamed);
        Assert.Equal(new RegisteredSchema("s", id, 2, Renamed), await registry.LookupSchemaAsync("s", Renamed));
    }

    [Fact]
    public async Task ConfluentDeserializer_ResolvesAnOlderWriterVersionToTheCurrentContract()
    {
        var registry = Mock(Guid.NewGuid().ToString("N"));
        // The previous version: today's schema without the "confidence" field that version 2 added.
        var schema = JsonNode.Parse(ArgumentSubmitted.SchemaJson)!;
        var fields = schema["fields"]!.AsArray();
        fields.Remove(fields.Single(f => (string?)f!["name"] == "confidence"));
        var previous = schema.ToJsonString();
        var id = await registry.RegisterSchemaAsync("args", previous);
        var body = AvroJson.ToBinary(AvroSchema.Parse(previous), $$"""
            {"debate_id":"{{SampleEvents.DebateId}}","round":1,"participant":"p","position":"NEUTRAL","content":"c","occurred_at":0}
            """);
        byte[] message = [0, 0, 0, 0, (byte)id, .. body];

        var decoded = await new ConfluentAvroDeserializer(registry).DeserializeAsync<ArgumentSubmitted>(message);

        Assert.Equal((Position.Neutral, (double?)null), (decoded.Position, decoded.Confidence));
        Assert.Equal(SampleEvents.DebateId, decoded.DebateId);
    }

    [Fact]
    public async Task ConfluentSerializer_WithoutAutoRegistration_RequiresARegisteredSchema()
    {
        var registry = Mock(Guid.NewGuid().ToString("N"));
        var serializer = new ConfluentAvroSerializer(registry, new SchemaRegistryOptions { SubjectNameStrategy = SubjectNameStrategy.RecordName });

        await Assert.ThrowsAsync<SubjectNotFoundException>(() => serializer.SerializeAsync(SampleEvents.MetricRecorded(), "metrics").AsTask());
        var id = await registry.RegisterSchemaAsync("zamaz.debate.events.MetricRecorded", MetricRecorded.SchemaJson);
        var bytes = await serializer.SerializeAsync(SampleEvents.MetricRecorded(), "metrics");

        Assert.Equal(id, ConfluentWireFormat.ReadHeader(bytes, out _));
    }

    [Fact]
    public async Task ConfluentDeserializer_UnknownSchemaIdOrCorruptBody_ThrowTypedExceptions()
    {
        var registry = Mock(Guid.NewGuid().ToString("N"));
        var deserializer = new ConfluentAvroDeserializer(registry);
        var id = await registry.RegisterSchemaAsync("m", MetricRecorded.SchemaJson);

        var unknown = await Assert.ThrowsAsync<AvroWireFormatException>(() => deserializer.DeserializeAsync<MetricRecorded>(new byte[] { 0, 0, 0, 0, 99, 0 }).AsTask());
        Assert.Equal(1, unknown.Offset);
        Assert.IsType<SchemaNotFoundException>(unknown.InnerException);
        await Assert.ThrowsAsync<AvroWireFormatException>(() => deserializer.DeserializeAsync<MetricRecorded>(new byte[] { 7, 0, 0, 0, 1 }).AsTask());
        var corrupt = await Assert.ThrowsAsync<AvroDecodingException>(() => deserializer.DeserializeAsync<MetricRecorded>(new byte[] { 0, 0, 0, 0, (byte)id, 0x02, 0x6D, 0x00 }).AsTask());
        Assert.Equal(7, corrupt.Offset);
    }

    [Fact]
    public async Task SynchronousPaths_WorkOncePrepared_AndDeclineBefore()
    {
        var registry = Mock(Guid.NewGuid().ToString("N"));
        var serializer = new ConfluentAvroSerializer(registry, new SchemaRegistryOptions { AutoRegisterSchemas = true });
        var deserializer = new ConfluentAvroDeserializer(registry);
        var output = new System.Buffers.ArrayBufferWriter<byte>();

        Assert.False(serializer.TrySerialize(SampleEvents.EvolutionTriggered(), "evolution", output));
        Assert.Equal(0, output.WrittenCount);
        var id = await serializer.PrepareAsync(typeof(EvolutionTriggered), "evolution");
        Assert.True(serializer.TrySerialize(SampleEvents.EvolutionTriggered(), "evolution", output));

        var message = output.WrittenMemory;
        Assert.False(deserializer.TryDeserialize(message, typeof(EvolutionTriggered), out _));
        await deserializer.PrepareAsync(id);
        Assert.True(deserializer.TryDeserialize(message, typeof(EvolutionTriggered), out var decoded));
        Assert.Equal(SampleEvents.EvolutionTriggered(), decoded);
    }

    [Theory]
    [InlineData(SubjectNameStrategy.TopicName, false, "zamaz-debate.debate-events-value")]
    [InlineData(SubjectNameStrategy.TopicName, true, "zamaz-debate.debate-events-key")]
    [InlineData(SubjectNameStrategy.RecordName, false, "zamaz.debate.events.DebateInitiated")]
    [InlineData(SubjectNameStrategy.TopicRecordName, false, "zamaz-debate.debate-events-zamaz.debate.events.DebateInitiated")]
    public void SubjectNames_FollowTheConfluentStrategies(SubjectNameStrategy strategy, bool isKey, string expected)
    {
        Assert.Equal(expected, SubjectNames.For(strategy, "zamaz-debate.debate-events", "zamaz.debate.events.DebateInitiated", isKey));
    }

    private static ISchemaRegistryClient Mock(string scope) => SchemaRegistryClientFactory.Create(new SchemaRegistryOptions { Url = "mock://" + scope });
}
