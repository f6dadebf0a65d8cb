using System.Net;

namespace DebateEvents.Host.Settings;

/// <summary>Without an API key the host serves this machine only: a listen address beyond loopback stops it at start.</summary>
internal static class ListenAddressCheck
{
    /// <exception cref="InvalidOperationException">An address in <paramref name="urls"/> is not loopback and no key is set.</exception>
    public static void Verify(string? urls, string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey) || string.IsNullOrWhiteSpace(urls))
        {
            return;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"Urls '{url}' listens beyond this machine but DEBATE_EVENTS_API_KEY is not set; set a key (16 characters or more) or listen on 127.0.0.1.");
            }
        }
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
