using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Tests.Interop;

public sealed class ApacheAvroInteropTests
{
    [Fact]
    public void OurEncoding_IsReadByApacheAvro_AndEqualsItsOwnEncodingByteForByte()
    {
        var ours = InteropCorpus.Cases.Select(c => Convert.ToHexString(AvroJson.ToBinary(AvroSchema.Parse(c.Schema), c.Json)).ToLowerInvariant()).ToList();

        var results = ApacheAvro.Process(InteropCorpus.Cases.Select((c, i) => new InteropCase(c.Schema, c.Json, ours[i])).ToList());

        var failures = InteropCorpus.Cases.Select((c, i) => (c, r: results[i], hex: ours[i]))
            // Apache.Avro writes a float's JSON in float precision (3.4028235E+38), so its JSON is compared through the schema.
            .Where(x => x.r.Error is not null || x.r.TheirHex != x.hex || x.r.ReencodedHex != x.hex || Hex(x.c.Schema, x.r.DecodedJson!) != x.hex)
            .Select(x => $"{x.c.Schema} {x.c.Json}: ours {x.hex}, apache {x.r.TheirHex}, apache decoded {x.r.DecodedJson}, error {x.r.Error}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void ApacheAvroEncoding_IsReadByOurDecoder_AsTheSameValue()
    {
        var results = ApacheAvro.Process(InteropCorpus.Cases.Select(c => new InteropCase(c.Schema, c.Json, null)).ToList());

        var failures = InteropCorpus.Cases.Select((c, i) => (c, r: results[i]))
            .Where(x => x.r.Error is not null || !JsonSemantics.AreEqual(AvroJson.FromBinary(AvroSchema.Parse(x.c.Schema), Convert.FromHexString(x.r.TheirHex!)), x.c.Json))
            .Select(x => $"{x.c.Schema} {x.c.Json}: apache {x.r.TheirHex}, error {x.r.Error}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void GeneratedContracts_InteroperateWithApacheAvroBothWays()
    {
        var samples = new (AvroSchema Schema, byte[] Bytes, Func<byte[], object> Decode, object Value)[]
        {
            Sample(SampleEvents.DebateInitiated()),
            Sample(SampleEvents.ArgumentSubmitted()),
            Sample(SampleEvents.ArgumentSubmitted(null)),
            Sample(SampleEvents.DebateCompleted()),
            Sample(SampleEvents.DecisionMade()),
            Sample(SampleEvents.EvolutionTriggered()),
            Sample(SampleEvents.WebhookNotificationRequested()),
            Sample(SampleEvents.MetricRecorded()),
        };

        var results = ApacheAvro.Process(samples.Select(s => new InteropCase(s.Schema.SourceText!, AvroJson.FromBinary(s.Schema, s.Bytes), Convert.ToHexString(s.Bytes).ToLowerInvariant())).ToList());

        for (var i = 0; i < samples.Length; i++)
        {
            var (schema, bytes, decode, value) = samples[i];
            Assert.Null(results[i].Error);
            Assert.Equal(Convert.ToHexString(bytes).ToLowerInvariant(), results[i].ReencodedHex);
            Assert.Equal(Convert.ToHexString(bytes).ToLowerInvariant(), results[i].TheirHex);
            Assert.True(JsonSemantics.AreEqual(results[i].DecodedJson!, AvroJson.FromBinary(schema, bytes)), results[i].DecodedJson);
            Assert.Equivalent(value, decode(Convert.FromHexString(results[i].TheirHex!)), strict: true);
        }
    }

    private static string Hex(string schema, string json) => Convert.ToHexString(AvroJson.ToBinary(AvroSchema.Parse(schema), json)).ToLowerInvariant();

    private static (AvroSchema, byte[], Func<byte[], object>, object) Sample<T>(T value)
        where T : IAvroRecord =>
        (value.Schema, AvroCodec.Serializer<T>().Serialize(value), bytes => AvroCodec.Deserializer<T>().Deserialize(bytes)!, value);
}
