using System.Net;

namespace DebateEvents.Avro.Registry;

/// <summary>The schema breaks the subject's compatibility level (HTTP 409); the message names the field and rule.</summary>
public sealed class IncompatibleSchemaException : SchemaRegistryException
{
    /// <summary>Creates the exception from the registry's error response.</summary>
    /// <param name="message">The registry's message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The registry's <c>error_code</c>.</param>
    public IncompatibleSchemaException(string message, HttpStatusCode? statusCode, int errorCode)
        : base(message, statusCode, errorCode)
    {
    }
}
