namespace DebateEvents.Host.Webhooks;

/// <summary>One subscriber: where to POST, which event types, and the secret that signs the body.</summary>
public sealed class WebhookSubscriber
{
    /// <summary>Absolute http(s) URL receiving POSTed notifications.</summary>
    public Uri? Url { get; set; }

    /// <summary>Event types wanted; empty means every type.</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>HMAC-SHA256 key for the <c>X-DebateEvents-Signature</c> header. Never logged.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Whether this subscriber wants <paramref name="eventType"/>.</summary>
    public bool Wants(string eventType) => EventTypes.Count == 0 || EventTypes.Contains(eventType, StringComparer.Ordinal);
}
