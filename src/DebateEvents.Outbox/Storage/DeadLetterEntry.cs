namespace DebateEvents.Outbox.Storage;

/// <summary>An outbox row the broker rejected permanently, parked with its error until an operator re-queues it.</summary>
internal sealed class DeadLetterEntry
{
    public long Id { get; set; }

    public long OriginalSequenceNumber { get; set; }

    public Guid EventId { get; set; }

    public string Topic { get; set; } = "";

    public byte[]? Key { get; set; }

    public byte[] Value { get; set; } = [];

    public byte[] Headers { get; set; } = [];

    public string OrderingKey { get; set; } = "";

    public int Bucket { get; set; }

    public long CreatedAt { get; set; }

    public long ParkedAt { get; set; }

    public int Attempts { get; set; }

    public string Error { get; set; } = "";
}
