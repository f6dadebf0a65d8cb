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

    /// <summary>Serializes <paramref name="message"/> and adds its row to <paramref name="context"/> (not saved).</summary>
    /// <exception cref="EventSerializationException">The event cannot be serialized; the message names the type and member.</exception>
    public OutboxMessage Add(DbContext context, object message, EventEnvelope envelope)
    {
        var row = CreateRow(message, envelope);
        context.Set<OutboxMessage>().Add(row);
        return row;
    }

    /// <summary>
    /// Asynchronous <see cref="Add"/>: a serializer backed by a schema registry may register or look up
    /// the schema first. Still throws before anything is saved when the event cannot be serialized.
    /// </summary>
    public async ValueTask<OutboxMessage> AddAsync(DbContext context, object message, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var row = await CreateRowAsync(message, envelope, cancellationToken);
        context.Set<OutboxMessage>().Add(row);
        return row;
    }

    /// <summary>An outbox row (not added anywhere) holding <paramref name="message"/> serialized with <paramref name="envelope"/>.</summary>
    public OutboxMessage CreateRow(object message, EventEnvelope envelope) => CreateRow(Build(message, envelope), envelope.EventId);

    /// <summary>Asynchronous <see cref="CreateRow(object, EventEnvelope)"/>.</summary>
    public async ValueTask<OutboxMessage> CreateRowAsync(object message, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        try
        {
            return CreateRow(await builder.BuildAsync(message, envelope, cancellationToken), envelope.EventId);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            throw Unserializable(message, ex);
        }
    }

    /// <summary>An outbox row holding <paramref name="record"/>.</summary>
    public OutboxMessage CreateRow(EventRecord record, Guid eventId)
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

    private EventRecord Build(object message, EventEnvelope envelope)
    {
        try
        {
            return builder.Build(message, envelope);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            throw Unserializable(message, ex);
        }
    }

    // Serializers report some invalid values (NaN, out-of-range decimals) with these exception types.
    private static EventSerializationException Unserializable(object message, Exception ex)
    {
        var type = message.GetType();
        return new EventSerializationException(type, $"Cannot serialize {type.FullName} for the outbox: {ex.Message}", ex);
    }
}
