using System.Buffers;
using DebateEvents.Avro.WireFormat;

namespace DebateEvents.Avro.Tests.WireFormat;

public class ConfluentWireFormatTests
{
    [Fact]
    public void Header_IsZeroThenTheBigEndianSchemaId()
    {
        var buffer = new ArrayBufferWriter<byte>();

        ConfluentWireFormat.WriteHeader(buffer, 0x01020304);

        Assert.Equal("0001020304", Convert.ToHexString(buffer.WrittenSpan));
    }

    [Fact]
    public void ReadHeader_ReturnsTheIdAndTheBody()
    {
        byte[] message = [0, 0, 0, 1, 0x2C, 0xAA, 0xBB];

        var id = ConfluentWireFormat.ReadHeader(message, out var body);

        Assert.Equal(300, id);
        Assert.Equal("AABB", Convert.ToHexString(body));
    }

    [Fact]
    public void ReadHeader_WithAWrongMagicByte_ThrowsAtOffsetZero()
    {
        var ex = Assert.Throws<AvroWireFormatException>(() => ConfluentWireFormat.ReadHeader([1, 0, 0, 0, 1], out _));

        Assert.Equal(0, ex.Offset);
        Assert.Contains("Magic byte is 1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadHeader_OnATruncatedMessage_Throws()
    {
        var ex = Assert.Throws<AvroWireFormatException>(() => ConfluentWireFormat.ReadHeader([0, 0, 0], out _));

        Assert.Equal(3, ex.Offset);
    }
}
