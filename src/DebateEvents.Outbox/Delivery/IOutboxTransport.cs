using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Delivery;

/// <summary>Sends outbox rows to Kafka and reports each row's outcome; records go out unchanged.</summary>
internal interface IOutboxTransport
{
    /// <summary>
    /// Sends <paramref name="rows"/> in order and completes when every row is acknowledged or failed.
    /// Once one row of an ordering key fails before it leaves the process, later rows of that key
    /// in the batch are not sent and are reported with the same error.
    /// </summary>
    Task<OutboxDelivery[]> SendAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken);
}
