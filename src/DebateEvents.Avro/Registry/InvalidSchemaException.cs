using System.Net;

namespace DebateEvents.Avro.Registry;

/// <summary>The registry rejected the schema text as invalid (error 42201).</summary>
public sealed class InvalidSchemaException : SchemaRegistryException
{
    /// <summary>Creates the exception from the registry's error response.</summary>
    /// <param name="message">The registry's message.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorCode">The registry's <c>error_code</c>.</param>
    public InvalidSchemaException(string message, HttpStatusCode? statusCode, int errorCode)
        : base(message, statusCode, errorCode)
    {
    }
}
