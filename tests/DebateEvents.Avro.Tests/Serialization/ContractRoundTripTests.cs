using System.Buffers;
using DebateEvents.Avro.Binary;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Serialization;

public class ContractRoundTripTests
{
    [Fact]
    public void DebateInitiated_RoundTrips() => AssertRoundTrip(SampleEvents.DebateInitiated());

    [Fact]
    public void ArgumentSubmitted_RoundTrips_WithAndWithoutConfidence()
    {
        AssertRoundTrip(SampleEvents.ArgumentSubmitted(0.875));
        AssertRoundTrip(SampleEvents.ArgumentSubmitted(null));
    }

    [Fact]
    public void DebateCompleted_RoundTrips_WithAndWithoutWinner()
    {
        AssertRoundTrip(SampleEvents.DebateCompleted(Position.Neutral));
        AssertRoundTrip(SampleEvents.DebateCompleted(null));
    }

    [Fact]
    public void DecisionMade_RoundTrips() => AssertRoundTrip(SampleEvents.DecisionMade());

    [Fact]
    public void EvolutionTriggered_RoundTrips() => AssertRoundTrip(SampleEvents.EvolutionTriggered());

    [Fact]
    public void WebhookNotificationRequested_RoundTrips() => AssertRoundTrip(SampleEvents.WebhookNotificationRequested());

    [Fact]
    public void MetricRecorded_RoundTrips() => AssertRoundTrip(SampleEvents.MetricRecorded());

    [Fact]
    public void MetricRecorded_EncodesToTheBytesTheSpecPrescribes()
    {
        // name "debate.duration" (length 15 → 0x1E), value -0.0015 as little-endian double, unit: branch 1 then "s",
        // tags: empty map (0x00), occurred_at -1 ms (zigzag 0x01).
        var bytes = AvroCodec.Serializer<MetricRecorded>().Serialize(SampleEvents.MetricRecorded());

        Assert.Equal("1E6465626174652E6475726174696F6EFA7E6ABC749358BF0202730001", Convert.ToHexString(bytes));
    }

    [Fact]
    public void Serialize_IntoAReusedBuffer_AllocatesNothing()
    {
        var serializer = AvroCodec.Serializer<DebateInitiated>();
        var value = SampleEvents.DebateInitiated();
        var buffer = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < 100; i++)
        {
            buffer.ResetWrittenCount();
            serializer.Serialize(value, buffer);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            buffer.ResetWrittenCount();
            serializer.Serialize(value, buffer);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Serialize_NullForNonNullableField_ThrowsNamingTheField()
    {
        var value = SampleEvents.DebateInitiated() with { Question = null! };

        var ex = Assert.Throws<AvroEncodingException>(() => AvroCodec.Serializer<DebateInitiated>().Serialize(value));

        Assert.Contains("DebateInitiated.question", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_UndefinedEnumValue_ThrowsNamingTheEnum()
    {
        var value = SampleEvents.ArgumentSubmitted() with { Position = (Position)42 };

        var ex = Assert.Throws<AvroEncodingException>(() => AvroCodec.Serializer<ArgumentSubmitted>().Serialize(value));

        Assert.Contains("zamaz.debate.events.Position", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contract_AlsoRoundTripsThroughSystemTextJson_WithoutItsSchemaInTheBody()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(SampleEvents.DebateCompleted());

        var decoded = System.Text.Json.JsonSerializer.Deserialize<DebateCompleted>(json);

        Assert.DoesNotContain("fields", json, StringComparison.Ordinal);
        Assert.Equal(SampleEvents.DebateCompleted(), decoded);
    }

    [Fact]
    public void NonGenericCodec_RoundTripsThroughTheTypeCarriedSchema()
    {
        var type = typeof(DecisionMade);
        var schema = AvroCodec.SchemaOf(type)!;
        var buffer = new ArrayBufferWriter<byte>();

        AvroCodec.Serializer(type, schema).Serialize(SampleEvents.DecisionMade(), buffer);
        var decoded = AvroCodec.Deserializer(type, schema, schema).Deserialize(buffer.WrittenSpan);

        Assert.Equal(SampleEvents.DecisionMade(), decoded);
    }

    private static void AssertRoundTrip<T>(T value)
        where T : IAvroRecord
    {
        var bytes = AvroCodec.Serializer<T>().Serialize(value);
        var decoded = AvroCodec.Deserializer<T>().Deserialize(bytes);

        Assert.Equivalent(value, decoded, strict: true);
        Assert.Equal(AvroJson.FromBinary(value.Schema, bytes), AvroJson.FromBinary(decoded.Schema, AvroCodec.Serializer<T>().Serialize(decoded)));
        Assert.Same(AvroCodec.SchemaOf(typeof(T)), value.Schema);
    }
}
