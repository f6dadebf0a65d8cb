namespace DebateEvents.Host.ReadModels;

/// <summary>One notification delivered to one subscriber; its presence makes redelivery a no-op.</summary>
public sealed class WebhookDelivery
{
    /// <summary>The notification id (idempotency key sent to the subscriber).</summary>
    public Guid NotificationId { get; set; }

    /// <summary>The subscriber URL it was delivered to.</summary>
    public string Url { get; set; } = "";

    /// <summary>HTTP status the subscriber answered.</summary>
    public int StatusCode { get; set; }

    /// <summary>Attempts it took, counting the successful one.</summary>
    public int Attempts { get; set; }

    /// <summary>When the subscriber acknowledged it.</summary>
    public DateTimeOffset DeliveredAt { get; set; }
}
