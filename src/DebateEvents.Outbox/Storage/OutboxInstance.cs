namespace DebateEvents.Outbox.Storage;

/// <summary>A live dispatcher instance; instances divide the buckets evenly among those with a recent heartbeat.</summary>
internal sealed class OutboxInstance
{
    public string Owner { get; set; } = "";

    /// <summary>Unix milliseconds of the instance's last lease renewal.</summary>
    public long HeartbeatAt { get; set; }
}
