namespace DebateEvents.Avro.Registry;

/// <summary>Settings of the schema registry client, bound from configuration (section <c>SchemaRegistry</c> by default)
/// and validated at start by <c>AddSchemaRegistry</c>.</summary>
public sealed class SchemaRegistryOptions
{
    /// <summary>The registry's base URL (<c>http://localhost:8081</c>), or <c>mock://scope</c> for an in-process registry.
    /// Required: there is deliberately no default, so a service never falls back to an in-memory registry unnoticed.</summary>
    public string Url { get; set; } = "";

    /// <summary>Credentials as <c>user:password</c> for HTTP basic authentication; never logged.</summary>
    public string? BasicAuthUserInfo { get; set; }

    /// <summary>How long one HTTP attempt may take before it is abandoned and retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a failed request (no response, 5xx or 429) is retried; 0 to 10.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; each further retry doubles it.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Whether serializers register unknown schemas themselves. Off by default: production schemas are
    /// registered by the CI pipeline, so a producer cannot change a subject by accident.</summary>
    public bool AutoRegisterSchemas { get; set; }

    /// <summary>How serializers derive the subject for a topic and event type.</summary>
    public SubjectNameStrategy SubjectNameStrategy { get; set; } = SubjectNameStrategy.TopicRecordName;

    /// <summary>Whether <see cref="Url"/> names an in-process registry rather than an HTTP one.</summary>
    public bool IsMock => Url?.StartsWith(MockScheme, StringComparison.OrdinalIgnoreCase) == true;

    internal const string MockScheme = "mock://";
}
