namespace DebateEvents.Avro.Serialization;

/// <summary>Data written with one schema cannot be read with another (the specification's resolution rules fail),
/// e.g. a reader field without a default is missing from the writer. Thrown when a deserializer is created.</summary>
public sealed class AvroResolutionException : AvroException
{
    /// <summary>Creates the exception with a message naming the field path and the rule broken.</summary>
    /// <param name="message">What cannot be resolved, and where.</param>
    public AvroResolutionException(string message)
        : base(message)
    {
    }
}
