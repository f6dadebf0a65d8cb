using System.Net;

namespace DebateEvents.Avro.Registry;

/// <summary>No schema has the requested id, or the subject does not hold the schema looked up (error 40403).</summary>
public sealed class SchemaNotFoundException : SchemaRegistryException
{
    /// <summary>Creates the exception from the registry's error response.</summary>
    /// <param name="message">The registry's message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The registry's <c>error_code</c>.</param>
    public SchemaNotFoundException(string message, HttpStatusCode? statusCode, int errorCode)
        : base(message, statusCode, errorCode)
    {
    }
}
