namespace DebateEvents.Outbox.Storage;

/// <summary>Records that a consumer has handled an event (by its <c>ce_id</c>), committed with the consumer's own changes.</summary>
internal sealed class InboxState
{
    public Guid MessageId { get; set; }

    /// <summary>Full name of the consumer type.</summary>
    public string Consumer { get; set; } = "";

    /// <summary>Unix milliseconds when the consumer handled the event; rows expire after the inbox window.</summary>
    public long ReceivedAt { get; set; }
}
