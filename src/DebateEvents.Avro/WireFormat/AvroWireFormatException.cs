using DebateEvents.Avro.Binary;

namespace DebateEvents.Avro.WireFormat;

/// <summary>A message is not in the Confluent wire format (too short, a magic byte other than 0) or names a schema id
/// the registry does not know. Like every <see cref="AvroDecodingException"/>, the message itself is at fault.</summary>
public sealed class AvroWireFormatException : AvroDecodingException
{
    /// <summary>Creates the exception for a framing problem at <paramref name="offset"/>.</summary>
    /// <param name="message">What is wrong with the framing.</param>
    /// <param name="offset">The byte offset in the message.</param>
    public AvroWireFormatException(string message, long offset)
        : base(message, offset)
    {
    }

    /// <summary>Creates the exception for a framing problem found through another error.</summary>
    /// <param name="message">What is wrong with the framing.</param>
    /// <param name="offset">The byte offset in the message.</param>
    /// <param name="innerException">The error that revealed it, e.g. the registry's schema-not-found answer.</param>
    public AvroWireFormatException(string message, long offset, Exception innerException)
        : base(message, offset, innerException)
    {
    }
}
