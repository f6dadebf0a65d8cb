namespace DebateEvents.Embedded.Registry;

/// <summary>The <c>error_code</c> values Confluent's Schema Registry answers with, which its clients act on.</summary>
internal static class SchemaRegistryErrorCodes
{
    public const int SubjectNotFound = 40401;
    public const int VersionNotFound = 40402;
    public const int SchemaNotFound = 40403;
    public const int IncompatibleSchema = 409;
    public const int InvalidSchema = 42201;
    public const int InvalidVersion = 42202;
    public const int InvalidCompatibilityLevel = 42203;
}
