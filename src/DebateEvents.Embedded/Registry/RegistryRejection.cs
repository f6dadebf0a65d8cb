namespace DebateEvents.Embedded.Registry;

/// <summary>A request the registry refuses, with the HTTP status and <c>error_code</c> Schema Registry would answer.</summary>
internal sealed class RegistryRejection(int status, int errorCode, string message) : Exception(message)
{
    public int Status { get; } = status;

    public int ErrorCode { get; } = errorCode;

    public static RegistryRejection SubjectNotFound(string subject) =>
        new(404, SchemaRegistryErrorCodes.SubjectNotFound, $"Subject '{subject}' not found.");

    public static RegistryRejection VersionNotFound(string version) =>
        new(404, SchemaRegistryErrorCodes.VersionNotFound, $"Version {version} not found.");

    public static RegistryRejection SchemaNotFound(string what) =>
        new(404, SchemaRegistryErrorCodes.SchemaNotFound, $"Schema {what} not found.");

    public static RegistryRejection InvalidSchema(string reason) =>
        new(422, SchemaRegistryErrorCodes.InvalidSchema, $"Invalid schema: {reason}");

    public static RegistryRejection Incompatible(string subject, IEnumerable<string> problems) =>
        new(409, SchemaRegistryErrorCodes.IncompatibleSchema,
            $"Schema being registered is incompatible with an earlier schema for subject \"{subject}\": {string.Join("; ", problems)}");
}
