using DebateEvents.Kafka.Routing;

namespace DebateEvents.Kafka;

/// <summary>
/// Produces events of one type to the topic routed by <c>r.AddProducer&lt;T&gt;(topic, keySelector)</c>,
/// keyed by the route's key selector, with CloudEvents headers and the current trace context.
/// Resolve it from the container; it is a singleton sharing the rider's idempotent producer.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public interface ITopicProducer<in T>
    where T : class
{
    /// <summary>The topic this producer writes to.</summary>
    string Topic { get; }

    /// <summary>
    /// Writes <paramref name="message"/> with a new event id and completes when the broker has
    /// acknowledged it (acks=all by default).
    /// </summary>
    /// <returns>The partition, offset and timestamp the broker assigned.</returns>
    /// <exception cref="Confluent.Kafka.ProduceException{TKey, TValue}">The broker rejected the record or delivery timed out.</exception>
    /// <exception cref="ProducerCircuitOpenException">Recent produce calls kept failing; the producer is resting.</exception>
    Task<DeliveryReceipt> Produce(T message, CancellationToken cancellationToken = default);

    /// <summary>Writes <paramref name="message"/> with the id, time and correlation of <paramref name="envelope"/>.</summary>
    /// <returns>The partition, offset and timestamp the broker assigned.</returns>
    Task<DeliveryReceipt> Produce(T message, EventEnvelope envelope, CancellationToken cancellationToken = default);
}
