using System.Net;

namespace DebateEvents.Avro.Registry;

/// <summary>The subject has no registered schema (error 40401).</summary>
public sealed class SubjectNotFoundException : SchemaRegistryException
{
    /// <summary>Creates the exception from the registry's error response.</summary>
    /// <param name="message">The registry's message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The registry's <c>error_code</c>.</param>
    public SubjectNotFoundException(string message, HttpStatusCode? statusCode, int errorCode)
        : base(message, statusCode, errorCode)
    {
    }
}
