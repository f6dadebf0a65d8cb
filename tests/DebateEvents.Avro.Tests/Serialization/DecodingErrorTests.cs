using DebateEvents.Avro.Binary;
using DebateEvents.Avro.Schemas;
using Zamaz.Debate.Events;

namespace DebateEvents.Avro.Tests.Serialization;

public class DecodingErrorTests
{
    [Fact]
    public void EveryTruncation_OfAValidEvent_ThrowsADecodingExceptionWithinTheData()
    {
        var bytes = AvroCodec.Serializer<DebateInitiated>().Serialize(SampleEvents.DebateInitiated());
        var deserializer = AvroCodec.Deserializer<DebateInitiated>();

        for (var length = 0; length < bytes.Length; length++)
        {
            var ex = Assert.Throws<AvroDecodingException>(() => deserializer.Deserialize(bytes.AsSpan(0, length)));
            Assert.InRange(ex.Offset, 0, length);
            Assert.Null(ex.InnerException);
        }
    }

    [Fact]
    public void TrailingBytes_AreRejected()
    {
        var bytes = AvroCodec.Serializer<MetricRecorded>().Serialize(SampleEvents.MetricRecorded());

        var ex = Assert.Throws<AvroDecodingException>(() => AvroCodec.Deserializer<MetricRecorded>().Deserialize([.. bytes, 0x00]));

        Assert.Equal(bytes.Length, ex.Offset);
    }

    [Fact]
    public void UnionIndexOutOfRange_ReportsTheOffsetOfTheIndex()
    {
        // MetricRecorded: name "m" (2 bytes), value (8 bytes), then the unit union index at offset 10.
        byte[] bytes = [0x02, 0x6D, 0, 0, 0, 0, 0, 0, 0, 0, 0x04, 0x00, 0x00];

        var ex = Assert.Throws<AvroDecodingException>(() => AvroCodec.Deserializer<MetricRecorded>().Deserialize(bytes, baseOffset: 5));

        Assert.Equal(15, ex.Offset);
        Assert.Contains("union index 2 is out of range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumIndexOutOfRange_IsRejected()
    {
        var schema = AvroSchema.Parse("""{"type":"enum","name":"E","symbols":["A"]}""");

        var ex = Assert.Throws<AvroDecodingException>(() => new AvroDeserializer<string>(schema).Deserialize([0x02]));

        Assert.Contains("enum index 1 is out of range", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArrayBlockCountLargerThanTheData_IsRejectedWithoutAllocatingIt()
    {
        var schema = AvroSchema.Parse("""{"type":"array","items":"string"}""");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<AvroDecodingException>(() => new AvroDeserializer<List<string>>(schema).Deserialize([0xFE, 0xFF, 0xFF, 0xFF, 0x0F, 0x02, 0x61]));

        Assert.Contains("more than the 2 remaining bytes can hold", ex.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }

    [Fact]
    public void Arrays_AcceptSeveralBlocksAndNegativeCountsWithByteSizes()
    {
        var schema = AvroSchema.Parse("""{"type":"array","items":"string"}""");
        // Block of -2 items taking 4 bytes ("a", "b"), then a block of 1 item ("c"), then the end.
        byte[] bytes = [0x03, 0x08, 0x02, 0x61, 0x02, 0x62, 0x02, 0x02, 0x63, 0x00];

        Assert.Equal(["a", "b", "c"], new AvroDeserializer<string[]>(schema).Deserialize(bytes));
        Assert.Equal("[\"a\",\"b\",\"c\"]", AvroJson.FromBinary(schema, bytes));
    }

    [Fact]
    public void Maps_AcceptSeveralBlocksAndNegativeCounts()
    {
        var schema = AvroSchema.Parse("""{"type":"map","values":"int"}""");
        byte[] bytes = [0x01, 0x06, 0x02, 0x6B, 0x02, 0x02, 0x02, 0x6A, 0x04, 0x00];

        var map = new AvroDeserializer<IReadOnlyDictionary<string, int>>(schema).Deserialize(bytes);

        Assert.Equal(new Dictionary<string, int> { ["k"] = 1, ["j"] = 2 }, map);
    }

    [Fact]
    public void DeeplyNestedRecursiveData_IsRejectedBeforeTheStackOverflows()
    {
        var schema = AvroSchema.Parse("""{"type":"record","name":"Node","fields":[{"name":"next","type":["null","Node"]}]}""");
        var bytes = Enumerable.Repeat((byte)0x02, 100_000).Append((byte)0x00).ToArray();

        var ex = Assert.Throws<AvroDecodingException>(() => new AvroDeserializer<Node>(schema).Deserialize(bytes));

        Assert.Contains("nest deeper than", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecursiveSchema_RoundTrips()
    {
        var schema = AvroSchema.Parse("""{"type":"record","name":"Node","fields":[{"name":"value","type":"int"},{"name":"next","type":["null","Node"]}]}""");
        var list = new Node { Value = 1, Next = new Node { Value = 2, Next = new Node { Value = 3 } } };

        var decoded = new AvroDeserializer<Node>(schema).Deserialize(new AvroSerializer<Node>(schema).Serialize(list));

        Assert.Equal((1, 2, 3), (decoded.Value, decoded.Next!.Value, decoded.Next.Next!.Value));
        Assert.Null(decoded.Next.Next.Next);
    }

    [Fact]
    public void CyclicObjectGraph_IsRejectedBeforeTheStackOverflows()
    {
        var schema = AvroSchema.Parse("""{"type":"record","name":"Node","fields":[{"name":"value","type":"int"},{"name":"next","type":["null","Node"]}]}""");
        var node = new Node { Value = 1 };
        node.Next = node;

        var ex = Assert.Throws<AvroEncodingException>(() => new AvroSerializer<Node>(schema).Serialize(node));

        Assert.Contains("cyclic", ex.Message, StringComparison.Ordinal);
    }

    public sealed class Node
    {
        public int Value { get; set; }

        public Node? Next { get; set; }
    }
}
