using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Serialization;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Publishing;

/// <summary>
/// Serializes an event into its Kafka record and adds it as an outbox row to a DbContext, so it
/// commits (or rolls back) with whatever else that context saves.
/// </summary>
internal sealed class OutboxRecordWriter(EventRouteTable routes, EventRecordBuilder builder, IOptions<DebateEventsOutboxOptions> options, TimeProvider clock)
{
    private readonly int _buckets = options.Value.Buckets;

    /// <summary>Whether events of <paramref name="messageType"/> go to Kafka at all.</summary>
    public bool IsRouted(Type messageType) => routes.TryGetRoute(messageType, out _);

    /// <summary>
    /// Serializes <paramref name="message"/> without waiting and adds its row to <paramref name="context"/> (not saved):
    /// a serializer backed by a schema registry must know the schema already.
    /// </summary>
    /// <exception cref="EventSerializationException">The event cannot be serialized; the message names the type and member.</exception>
    public OutboxMessage Add(DbContext context, object message, EventEnvelope envelope)
    {
        var row = CreateRow(Serialize(message, () => builder.Build(message, envelope)), envelope.EventId);
        context.Set<OutboxMessage>().Add(row);
        return row;
    }

    /// <summary>
    /// Asynchronous <see cref="Add"/>: a serializer backed by a schema registry may register or look up
    /// the schema first. Still throws before anything is saved when the event cannot be serialized.
    /// </summary>
    public async ValueTask<OutboxMessage> AddAsync(DbContext context, object message, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        EventRecord record;
        try
        {
            record = await builder.BuildAsync(message, envelope, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsUnserializable(ex))
        {
            throw Unserializable(message, ex);
        }

        var row = CreateRow(record, envelope.EventId);
        context.Set<OutboxMessage>().Add(row);
        return row;
    }

    /// <summary>
    /// <paramref name="row"/> again with a new <paramref name="envelope"/> (event id, correlation id) around the
    /// same body: no serializer runs, so this never waits.
    /// </summary>
    public OutboxMessage Rebuild(OutboxMessage row, object message, EventEnvelope envelope) =>
        CreateRow(builder.BuildWithBody(message, envelope, row.Value), envelope.EventId);

    private OutboxMessage CreateRow(EventRecord record, Guid eventId)
    {
        var orderingKey = OrderingKeys.For(record.Topic, record.Key, eventId);
        return new OutboxMessage
        {
            EventId = eventId,
            Topic = record.Topic,
            Key = record.Key,
            Value = record.Value,
            Headers = HeaderCodec.Encode(record.Headers),
            OrderingKey = orderingKey,
            Bucket = OrderingKeys.Bucket(orderingKey, _buckets),
            CreatedAt = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    private static EventRecord Serialize(object message, Func<EventRecord> build)
    {
        try
        {
            return build();
        }
        catch (Exception ex) when (IsUnserializable(ex))
        {
            throw Unserializable(message, ex);
        }
    }

    // Serializers report some invalid values (NaN, out-of-range decimals) with these exception types.
    private static bool IsUnserializable(Exception ex) => ex is ArgumentException or FormatException or OverflowException;

    private static EventSerializationException Unserializable(object message, Exception ex)
    {
        var type = message.GetType();
        return new EventSerializationException(type, $"Cannot serialize {type.FullName} for the outbox: {ex.Message}", ex);
    }
}
