using System.Buffers;
using System.Buffers.Binary;

namespace DebateEvents.Avro.WireFormat;

/// <summary>
/// The Confluent framing every Kafka client with a schema registry uses: a zero magic byte, the schema id as a
/// big-endian int32, then the Avro body.
/// </summary>
public static class ConfluentWireFormat
{
    /// <summary>The only magic byte the format defines.</summary>
    public const byte MagicByte = 0;

    /// <summary>The length of the header before the Avro body.</summary>
    public const int HeaderLength = 5;

    /// <summary>Writes the magic byte and <paramref name="schemaId"/>; write the body after it.</summary>
    /// <param name="output">Where the header goes.</param>
    /// <param name="schemaId">The registry id of the writer schema.</param>
    public static void WriteHeader(IBufferWriter<byte> output, int schemaId)
    {
        ArgumentNullException.ThrowIfNull(output);
        var span = output.GetSpan(HeaderLength);
        span[0] = MagicByte;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], schemaId);
        output.Advance(HeaderLength);
    }

    /// <summary>Reads the header of a framed message.</summary>
    /// <param name="message">The whole Kafka record value.</param>
    /// <param name="body">The Avro body after the header.</param>
    /// <returns>The schema id.</returns>
    /// <exception cref="AvroWireFormatException">The message is shorter than the header or the magic byte is not 0.</exception>
    public static int ReadHeader(ReadOnlySpan<byte> message, out ReadOnlySpan<byte> body)
    {
        if (message.Length < HeaderLength)
        {
            throw new AvroWireFormatException($"Message of {message.Length} bytes is shorter than the {HeaderLength}-byte Confluent header", message.Length);
        }

        if (message[0] != MagicByte)
        {
            throw new AvroWireFormatException($"Magic byte is {message[0]}, not {MagicByte}: the message is not in the Confluent wire format", 0);
        }

        body = message[HeaderLength..];
        return BinaryPrimitives.ReadInt32BigEndian(message[1..]);
    }
}
