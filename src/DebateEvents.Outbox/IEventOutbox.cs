namespace DebateEvents.Outbox;

/// <summary>
/// Writes events straight into the outbox of the current scope's DbContext, without MassTransit:
/// for events meant only for Kafka, where the in-process publish pipeline would be wasted work.
/// Like a publish, the event commits or rolls back with that DbContext's next SaveChanges.
/// </summary>
public interface IEventOutbox
{
    /// <summary>
    /// Serializes <paramref name="message"/> now (so a bad event throws here, naming type and field) and adds
    /// its record to the scope's DbContext. Returns the event id written as <c>ce_id</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No Kafka route is configured for the event's type.</exception>
    Guid Add<T>(T message, Guid? correlationId = null)
        where T : class;

    /// <summary>
    /// Asynchronous <see cref="Add{T}"/>, for body serializers backed by a schema registry, which may need to
    /// register or fetch the schema before the first event of a type is written.
    /// </summary>
    /// <exception cref="InvalidOperationException">No Kafka route is configured for the event's type.</exception>
    ValueTask<Guid> AddAsync<T>(T message, Guid? correlationId = null, CancellationToken cancellationToken = default)
        where T : class;
}
