namespace DebateEvents.Host.Settings;

/// <summary>
/// One environment variable the host reads: the configuration key it sets, how its value is checked and
/// translated, and whether it is a secret (never shown or logged).
/// </summary>
/// <param name="Name">The variable, e.g. <c>KAFKA_SECURITY_PROTOCOL</c>.</param>
/// <param name="Key">The configuration key it sets, e.g. <c>Kafka:SecurityProtocol</c>.</param>
/// <param name="Allowed">What the README and error messages say is allowed.</param>
/// <param name="Translate">The configuration value for a raw value, or null when the raw value is not allowed.</param>
/// <param name="Secret">Whether the value is redacted wherever settings are shown.</param>
internal sealed record EnvironmentVariable(string Name, string Key, string Allowed, Func<string, string?> Translate, bool Secret = false);
