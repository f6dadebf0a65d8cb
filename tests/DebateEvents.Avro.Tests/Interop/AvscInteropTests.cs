using DebateEvents.Avro.Schemas;

namespace DebateEvents.Avro.Tests.Interop;

[Trait("Category", "Integration")]
public sealed class AvscInteropTests : IClassFixture<AvscFixture>
{
    private readonly AvscFixture _avsc;

    public AvscInteropTests(AvscFixture avsc)
    {
        _avsc = avsc;
    }

    [Fact]
    public void OurEncoding_IsReadByAvsc_AndEqualsItsOwnEncodingByteForByte()
    {
        var ours = InteropCorpus.Cases.Select(c => Convert.ToHexString(AvroJson.ToBinary(AvroSchema.Parse(c.Schema), c.Json)).ToLowerInvariant()).ToList();

        var results = _avsc.Process(InteropCorpus.Cases.Select((c, i) => new AvscCase(c.Schema, c.Json, ours[i])).ToList());

        var failures = InteropCorpus.Cases.Select((c, i) => (c, r: results[i], hex: ours[i]))
            .Where(x => x.r.Error is not null || x.r.AvscHex != x.hex || x.r.ReencodedHex != x.hex || !JsonSemantics.AreEqual(x.r.DecodedJson!, x.c.Json))
            .Select(x => $"{x.c.Schema} {x.c.Json}: ours {x.hex}, avsc {x.r.AvscHex}, avsc decoded {x.r.DecodedJson}, error {x.r.Error}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void AvscEncoding_IsReadByOurDecoder_AsTheSameValue()
    {
        var results = _avsc.Process(InteropCorpus.Cases.Select(c => new AvscCase(c.Schema, c.Json, null)).ToList());

        var failures = InteropCorpus.Cases.Select((c, i) => (c, r: results[i]))
            .Where(x => x.r.Error is not null || !JsonSemantics.AreEqual(AvroJson.FromBinary(AvroSchema.Parse(x.c.Schema), Convert.FromHexString(x.r.AvscHex!)), x.c.Json))
            .Select(x => $"{x.c.Schema} {x.c.Json}: avsc {x.r.AvscHex}, error {x.r.Error}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void GeneratedContracts_InteroperateWithAvscBothWays()
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

        var results = _avsc.Process(samples.Select(s => new AvscCase(s.Schema.SourceText!, AvroJson.FromBinary(s.Schema, s.Bytes), Convert.ToHexString(s.Bytes).ToLowerInvariant())).ToList());

        for (var i = 0; i < samples.Length; i++)
        {
            var (schema, bytes, decode, value) = samples[i];
            Assert.Null(results[i].Error);
            Assert.Equal(Convert.ToHexString(bytes).ToLowerInvariant(), results[i].ReencodedHex);
            Assert.Equal(Convert.ToHexString(bytes).ToLowerInvariant(), results[i].AvscHex);
            Assert.True(JsonSemantics.AreEqual(results[i].DecodedJson!, AvroJson.FromBinary(schema, bytes)), results[i].DecodedJson);
            Assert.Equivalent(value, decode(Convert.FromHexString(results[i].AvscHex!)), strict: true);
        }
    }

    private static (AvroSchema, byte[], Func<byte[], object>, object) Sample<T>(T value)
        where T : IAvroRecord =>
        (value.Schema, AvroCodec.Serializer<T>().Serialize(value), bytes => AvroCodec.Deserializer<T>().Deserialize(bytes)!, value);
}
