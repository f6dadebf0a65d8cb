using System.Buffers;
using DebateEvents.Avro.Binary;
using FsCheck.Xunit;

namespace DebateEvents.Avro.Tests.Binary;

public class PrimitiveEncodingTests
{
    // The zigzag examples from the specification's "Binary Encoding" section, plus the 64-bit extremes.
    [Theory]
    [InlineData(0L, "00")]
    [InlineData(-1L, "01")]
    [InlineData(1L, "02")]
    [InlineData(-2L, "03")]
    [InlineData(2L, "04")]
    [InlineData(-64L, "7F")]
    [InlineData(64L, "8001")]
    [InlineData(long.MaxValue, "FEFFFFFFFFFFFFFFFF01")]
    [InlineData(long.MinValue, "FFFFFFFFFFFFFFFFFF01")]
    public void WriteLong_ProducesTheSpecZigzagVarint(long value, string hex)
    {
        Assert.Equal(hex, Convert.ToHexString(Write((ref AvroWriter w) => w.WriteLong(value))));
        var reader = new AvroReader(Convert.FromHexString(hex));
        Assert.Equal(value, reader.ReadLong());
    }

    [Fact]
    public void WriteString_ProducesLengthThenUtf8_AsInTheSpecFooExample()
    {
        Assert.Equal("06666F6F", Convert.ToHexString(Write((ref AvroWriter w) => w.WriteString("foo"))));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(2730)]
    [InlineData(2731)]
    [InlineData(100_000)]
    public void WriteString_PrefixesTheExactUtf8Length_AtEveryLengthBoundary(int length)
    {
        var text = string.Concat(Enumerable.Range(0, length).Select(i => i % 3 == 0 ? "é" : "a"));

        var reader = new AvroReader(Write((ref AvroWriter w) => w.WriteString(text)));

        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), reader.ReadLong());
        reader = new AvroReader(Write((ref AvroWriter w) => w.WriteString(text)));
        Assert.Equal(text, reader.ReadString());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void WriteFloatAndDouble_AreLittleEndianIeee754()
    {
        Assert.Equal("0000C03F", Convert.ToHexString(Write((ref AvroWriter w) => w.WriteFloat(1.5f))));
        Assert.Equal("000000000000F8BF", Convert.ToHexString(Write((ref AvroWriter w) => w.WriteDouble(-1.5))));
    }

    [Property]
    public bool Long_RoundTripsOverTheFullRange(long value)
    {
        var reader = new AvroReader(Write((ref AvroWriter w) => w.WriteLong(value)));
        return reader.ReadLong() == value && reader.Remaining == 0;
    }

    [Property]
    public bool String_RoundTrips(string? value)
    {
        var text = (value ?? "").Replace('\uD800', 'x').Replace('\uDC00', 'y');
        if (text.Any(char.IsSurrogate))
        {
            return true;
        }

        var reader = new AvroReader(Write((ref AvroWriter w) => w.WriteString(text)));
        return reader.ReadString() == text;
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFF02", "overflows 64 bits")]
    [InlineData("FFFFFFFFFFFFFFFFFFFF01", "longer than ten bytes")]
    [InlineData("FF", "ends inside a varint")]
    public void ReadLong_OnMalformedVarint_ThrowsWithOffset(string hex, string fragment)
    {
        var ex = Assert.Throws<AvroDecodingException>(() => new AvroReader(Convert.FromHexString(hex)).ReadLong());

        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, ex.Offset);
    }

    [Fact]
    public void ReadInt_BeyondInt32_Throws()
    {
        var bytes = Write((ref AvroWriter w) => w.WriteLong((long)int.MaxValue + 1));

        var ex = Assert.Throws<AvroDecodingException>(() => new AvroReader(bytes).ReadInt());
        Assert.Contains("does not fit an int", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadString_WithLengthClaimingGigabytes_ThrowsBeforeAllocating()
    {
        var bytes = Write((ref AvroWriter w) => w.WriteLong(2_000_000_000));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<AvroDecodingException>(() => new AvroReader(bytes, baseOffset: 5).ReadString());

        Assert.Equal(5, ex.Offset);
        Assert.Contains("exceeds the 0 bytes that remain", ex.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }

    [Fact]
    public void ReadBoolean_OtherThanZeroOrOne_Throws()
    {
        var ex = Assert.Throws<AvroDecodingException>(() => new AvroReader([0x02]).ReadBoolean());

        Assert.Equal(0, ex.Offset);
    }

    private static byte[] Write(WriteAction action)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new AvroWriter(buffer);
        action(ref writer);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private delegate void WriteAction(ref AvroWriter writer);
}
