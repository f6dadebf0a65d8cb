namespace DebateEvents.Avro;

/// <summary>The base of every exception this library throws, so callers can dead-letter on one type.</summary>
public abstract class AvroException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    protected AvroException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    protected AvroException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
