namespace DebateEvents.Avro.Binary;

/// <summary>
/// Bytes could not be decoded: truncated or corrupt data, an out-of-range union index or enum symbol, a length
/// prefix larger than the data, or a value the reader schema cannot accept. <see cref="Offset"/> says where.
/// </summary>
public class AvroDecodingException : AvroException
{
    /// <summary>Creates the exception for a problem found at <paramref name="offset"/>.</summary>
    /// <param name="message">What was wrong with the data.</param>
    /// <param name="offset">The byte offset, from the start of the decoded buffer, where the problem was found.</param>
    public AvroDecodingException(string message, long offset)
        : base($"{message} (at byte offset {offset})")
    {
        Offset = offset;
    }

    /// <summary>Creates the exception for an unexpected failure while decoding, keeping the original error.</summary>
    /// <param name="message">What was being decoded.</param>
    /// <param name="offset">The byte offset where decoding started, when the failure point is unknown.</param>
    /// <param name="innerException">The original error.</param>
    public AvroDecodingException(string message, long offset, Exception innerException)
        : base($"{message} (at byte offset {offset})", innerException)
    {
        Offset = offset;
    }

    /// <summary>The byte offset, from the start of the decoded buffer, where decoding failed.</summary>
    public long Offset { get; }
}
