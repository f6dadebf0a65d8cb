namespace DebateEvents.Testing.Drills;

/// <summary>How much of the webhook path <see cref="ExactlyOnceAudit"/> checks.</summary>
public enum WebhookAudit
{
    /// <summary>Nothing: for a host still under load, where decisions and their webhook requests are counted mid-flight.</summary>
    None,

    /// <summary>One webhook request handled per recorded decision, across the whole database: for a host at rest without subscribers.</summary>
    Requested,

    /// <summary>As <see cref="Requested"/>, and each accepted decision delivered to the subscriber.</summary>
    Delivered,
}
