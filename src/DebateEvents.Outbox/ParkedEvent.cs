namespace DebateEvents.Outbox;

/// <summary>An event the broker kept rejecting, parked in the dead-letter table instead of blocking its key.</summary>
/// <param name="Id">Dead-letter id, used to re-queue it.</param>
/// <param name="EventId">The event's <c>ce_id</c>.</param>
/// <param name="Topic">The topic it was meant for.</param>
/// <param name="Key">The record key as text, if it had one.</param>
/// <param name="EventType">The <c>ce_type</c> header.</param>
/// <param name="PublishedAt">When the event was published.</param>
/// <param name="ParkedAt">When delivery was given up.</param>
/// <param name="Attempts">Delivery attempts made.</param>
/// <param name="Error">The broker's last error code and reason.</param>
public sealed record ParkedEvent(
    long Id, Guid EventId, string Topic, string? Key, string? EventType, DateTimeOffset PublishedAt, DateTimeOffset ParkedAt, int Attempts, string Error);
