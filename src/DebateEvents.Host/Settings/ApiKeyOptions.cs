namespace DebateEvents.Host.Settings;

/// <summary>The API key mutating requests must carry in <c>X-Api-Key</c> (env <c>DEBATE_EVENTS_API_KEY</c>); none by default.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Api";

    /// <summary>The key; null or empty turns the check off, and the host then serves loopback only.</summary>
    public string? Key { get; set; }
}
