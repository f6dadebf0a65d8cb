using System.Globalization;

namespace DebateEvents.Host.Settings;

/// <summary>The translations environment variables share: numbers in a range, fixed names, files, URLs.</summary>
internal static class EnvironmentValues
{
    public static Func<string, string?> Text => value => value.Length > 0 ? value : null;

    public static Func<string, string?> Integer(long min, long max) => value =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number.ToString(CultureInfo.InvariantCulture)
            : null;

    public static Func<string, string?> Milliseconds(long min, long max) => value =>
        Integer(min, max)(value) is { } ms ? TimeSpan.FromMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)).ToString("c", CultureInfo.InvariantCulture) : null;

    /// <summary>One of fixed names, matched without regard to case, each mapped to the configuration's spelling.</summary>
    public static Func<string, string?> OneOf(params (string Name, string Value)[] names) => value =>
        names.FirstOrDefault(n => string.Equals(n.Name, value, StringComparison.OrdinalIgnoreCase)).Value;

    public static Func<string, string?> Boolean => value => bool.TryParse(value, out var flag) ? (flag ? "true" : "false") : null;

    public static Func<string, string?> ExistingFile => value => File.Exists(value) ? value : null;

    public static Func<string, string?> HostPortList => value =>
        value.Split(',').All(IsHostPort) ? value : null;

    public static Func<string, string?> HttpUrls => value =>
        value.Split(',').All(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            ? value
            : null;

    public static Func<string, string?> TopicName => value =>
        value.Length is > 0 and <= 200 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? value : null;

    private static bool IsHostPort(string entry)
    {
        var trimmed = entry.Trim();
        var colon = trimmed.LastIndexOf(':');
        return colon > 0 && int.TryParse(trimmed[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536;
    }
}
