using DebateEvents.Kafka.Routing;
using DebateEvents.Outbox.Storage;
using MassTransit;

namespace DebateEvents.Outbox.Publishing;

/// <summary>The scoped <see cref="IEventOutbox"/>: adds rows to the scope's outbox DbContext.</summary>
internal sealed class EventOutbox(IServiceProvider scope, OutboxContextFactory contexts, OutboxRecordWriter writer) : IEventOutbox
{
    public Guid Add<T>(T message, Guid? correlationId = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = new EventEnvelope(NewId.NextGuid(), DateTimeOffset.UtcNow, correlationId);
        writer.Add(contexts.Resolve(scope), message, envelope);
        return envelope.EventId;
    }

    public async ValueTask<Guid> AddAsync<T>(T message, Guid? correlationId = null, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = new EventEnvelope(NewId.NextGuid(), DateTimeOffset.UtcNow, correlationId);
        await writer.AddAsync(contexts.Resolve(scope), message, envelope, cancellationToken).ConfigureAwait(false);
        return envelope.EventId;
    }
}
