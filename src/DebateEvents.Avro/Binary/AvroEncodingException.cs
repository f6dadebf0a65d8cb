namespace DebateEvents.Avro.Binary;

/// <summary>A value cannot be written with the schema: a null where the schema allows none, an unknown enum value,
/// a decimal that does not fit the declared precision, a byte array of the wrong fixed size.</summary>
public sealed class AvroEncodingException : AvroException
{
    /// <summary>Creates the exception with a message naming the field path and the offending value.</summary>
    /// <param name="message">What cannot be written, and where in the record.</param>
    public AvroEncodingException(string message)
        : base(message)
    {
    }
}
