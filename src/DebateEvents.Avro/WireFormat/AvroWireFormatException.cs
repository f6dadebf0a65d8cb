using DebateEvents.Avro.Binary;

namespace DebateEvents.Avro.WireFormat;

/// <summary>A message is not in the Confluent wire format: too short, or a magic byte other than 0.</summary>
public sealed class AvroWireFormatException : AvroDecodingException
{
    /// <summary>Creates the exception for a framing problem at <paramref name="offset"/>.</summary>
    /// <param name="message">What is wrong with the framing.</param>
    /// <param name="offset">The byte offset in the message.</param>
    public AvroWireFormatException(string message, long offset)
        : base(message, offset)
    {
    }
}
