namespace DebateEvents.Avro.Serialization;

/// <summary>A CLR type cannot be mapped to a schema, e.g. a required field has no property or the types disagree.
/// Thrown when a serializer is created, never per message.</summary>
public sealed class AvroTypeMappingException : AvroException
{
    /// <summary>Creates the exception with a message naming the schema path and the CLR type.</summary>
    /// <param name="message">What cannot be mapped, and where.</param>
    public AvroTypeMappingException(string message)
        : base(message)
    {
    }
}
