namespace DebateEvents.Avro.Schemas;

/// <summary>A schema text is not valid JSON or breaks a rule of the Avro specification.</summary>
public sealed class AvroSchemaException : AvroException
{
    /// <summary>Creates the exception with a message that names the offending element.</summary>
    /// <param name="message">What is wrong and where in the schema.</param>
    public AvroSchemaException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the error that caused it.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying parse error.</param>
    public AvroSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
