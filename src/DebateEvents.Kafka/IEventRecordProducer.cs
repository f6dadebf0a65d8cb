using DebateEvents.Kafka.Routing;

namespace DebateEvents.Kafka;

/// <summary>
/// Sends already-built <see cref="EventRecord"/>s through the rider's producer (idempotent, acks=all,
/// circuit breaker, metrics). The outbox delivers its stored records through this, so records written
/// through the outbox and through <see cref="ITopicProducer{T}"/> travel the same way.
/// </summary>
public interface IEventRecordProducer
{
    /// <summary>Sends <paramref name="record"/> unchanged and completes when the broker has acknowledged it.</summary>
    /// <returns>The partition, offset and timestamp the broker assigned.</returns>
    /// <exception cref="Confluent.Kafka.ProduceException{TKey, TValue}">The broker rejected the record or delivery timed out.</exception>
    /// <exception cref="ProducerCircuitOpenException">Recent produce calls kept failing; the producer is resting.</exception>
    Task<DeliveryReceipt> Produce(EventRecord record, CancellationToken cancellationToken = default);
}
