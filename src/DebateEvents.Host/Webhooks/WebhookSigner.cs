using System.Security.Cryptography;
using System.Text;

namespace DebateEvents.Host.Webhooks;

/// <summary>
/// Signs webhook bodies: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of
/// <c>"{timestamp}.{body}"</c> under the subscriber's secret, so a subscriber can check both the
/// sender and the freshness of each call.
/// </summary>
public static class WebhookSigner
{
    /// <summary>The signature header value for <paramref name="body"/> sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }
}
