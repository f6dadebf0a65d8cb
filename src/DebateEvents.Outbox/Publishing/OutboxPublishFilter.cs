using System.Diagnostics;
using DebateEvents.Kafka.Routing;
using DebateEvents.Outbox.Storage;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Outbox.Publishing;

/// <summary>
/// A scoped publish filter: a routed event published inside a unit of work is serialized here, asynchronously
/// (a registry-backed serializer registers or looks up its schema on first use), and becomes an outbox row in
/// the scope's DbContext, saved by the application's own <c>SaveChanges</c>; then the publish goes on
/// to in-process subscribers as usual. Published outside any scope, the row is saved on its own.
/// </summary>
internal sealed class OutboxPublishFilter<T>(IServiceProvider scope, OutboxRecordWriter writer, OutboxContextFactory contexts,
    ILogger<OutboxPublishFilter<T>> logger) : IFilter<PublishContext<T>>
    where T : class
{
    public async Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
    {
        if (writer.IsRouted(context.Message.GetType()))
        {
            await AddToOutbox(context).ConfigureAwait(false);
        }

        await next.Send(context).ConfigureAwait(false);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("debateEventsOutbox");

    private async Task AddToOutbox(PublishContext<T> context)
    {
        if (context.TryGetPayload<OutboxRowAdded>(out _))
        {
            return;
        }

        context.GetOrAddPayload(() => new OutboxRowAdded());
        context.MessageId ??= NewId.NextGuid();

        var envelope = new EventEnvelope(context.MessageId.Value, context.SentTime ?? DateTimeOffset.UtcNow, context.CorrelationId, Activity.Current);
        var db = contexts.Resolve(scope);
        var row = await writer.AddAsync(db, context.Message, envelope, context.CancellationToken).ConfigureAwait(false);

        // The caller's publish callback runs after this filter and may set MessageId or CorrelationId:
        // SaveChanges asks for the row again, so ce_id always equals the MessageId in-process consumers see.
        // Only the headers change; the body serialized above is kept.
        row.Refresh = () => context.MessageId == envelope.EventId && context.CorrelationId == envelope.CorrelationId
            ? null
            : writer.Rebuild(row, context.Message, envelope with { EventId = context.MessageId ?? envelope.EventId, CorrelationId = context.CorrelationId });
        if (!HasAmbientScope(context))
        {
            // No unit of work around this publish: the row commits on its own, like a direct produce.
            logger.LogDebug("Saving outbox row for {MessageType} {EventId} outside a unit of work", typeof(T).Name, envelope.EventId);
            await db.SaveChangesAsync(context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static bool HasAmbientScope(PublishContext<T> context) =>
        context.TryGetPayload<IServiceProvider>(out _)
        || (context.TryGetPayload<ConsumeContext>(out var consumeContext) && consumeContext.TryGetPayload<IServiceProvider>(out _));
}
