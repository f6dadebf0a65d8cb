namespace DebateEvents.Avro.Registry;

/// <summary>The <c>error_code</c> values of the Confluent schema registry REST API.</summary>
internal static class SchemaRegistryErrorCodes
{
    public const int SubjectNotFound = 40401;
    public const int VersionNotFound = 40402;
    public const int SchemaNotFound = 40403;
    public const int IncompatibleSchema = 409;
    public const int InvalidSchema = 42201;
    public const int InvalidCompatibilityLevel = 42203;
}
