namespace DebateEvents.Host.Webhooks;

/// <summary>A subscriber did not accept a notification within its attempts.</summary>
public sealed class WebhookDeliveryException(Guid notificationId, Uri url, string reason)
    : Exception($"Notification {notificationId} was not accepted by {url.GetLeftPart(UriPartial.Path)}: {reason}")
{
    /// <summary>The notification that failed.</summary>
    public Guid NotificationId { get; } = notificationId;
}
