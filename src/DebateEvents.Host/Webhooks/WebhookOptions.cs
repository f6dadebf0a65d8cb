namespace DebateEvents.Host.Webhooks;

/// <summary>Webhook subscribers, bound from the <c>Webhooks</c> section.</summary>
public sealed class WebhookOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "Webhooks";

    /// <summary>Where notifications go.</summary>
    public List<WebhookSubscriber> Subscribers { get; set; } = [];

    /// <summary>Attempts per subscriber before the notification fails (and, past the rider's retries, is dead-lettered).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Delay before the second attempt; doubles after each further one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Time allowed for one HTTP call.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
