using System.Net;

namespace DebateEvents.Avro.Registry;

/// <summary>The schema registry answered with an error, or could not be reached after the configured retries.</summary>
public class SchemaRegistryException : AvroException
{
    /// <summary>Creates the exception from a registry error response.</summary>
    /// <param name="message">The registry's message, or a description of the failure.</param>
    /// <param name="statusCode">The HTTP status, or null when no response arrived.</param>
    /// <param name="errorCode">The registry's <c>error_code</c>, e.g. 40401; 0 when absent.</param>
    public SchemaRegistryException(string message, HttpStatusCode? statusCode, int errorCode)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>Creates the exception for a failure with no usable response.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The transport error.</param>
    public SchemaRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status of the response, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The registry's <c>error_code</c> (40401 subject not found, 40403 schema not found, 409 incompatible...).</summary>
    public int ErrorCode { get; }

    internal static SchemaRegistryException FromError(HttpStatusCode status, int errorCode, string message) => errorCode switch
    {
        SchemaRegistryErrorCodes.SubjectNotFound => new SubjectNotFoundException(message, status, errorCode),
        SchemaRegistryErrorCodes.VersionNotFound => new VersionNotFoundException(message, status, errorCode),
        SchemaRegistryErrorCodes.SchemaNotFound => new SchemaNotFoundException(message, status, errorCode),
        SchemaRegistryErrorCodes.IncompatibleSchema => new IncompatibleSchemaException(message, status, errorCode),
        SchemaRegistryErrorCodes.InvalidSchema => new InvalidSchemaException(message, status, errorCode),
        _ => new SchemaRegistryException(message, status, errorCode),
    };
}
