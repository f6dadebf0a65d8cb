using System.Diagnostics;
using System.Text;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Kafka.Producers;

/// <summary>Builds records of <typeparamref name="T"/> with the shared <see cref="EventRecordBuilder"/> and sends them.</summary>
internal sealed class TopicProducer<T> : ITopicProducer<T>
    where T : class
{
    private readonly EventRecordBuilder _builder;
    private readonly KafkaRecordProducer _producer;
    private readonly string _spanName;

    public TopicProducer(string topic, EventRecordBuilder builder, KafkaRecordProducer producer)
    {
        Topic = topic;
        _builder = builder;
        _producer = producer;
        _spanName = MessagingSpan.Name(MessagingSpan.Send, topic);
    }

    public string Topic { get; }

    public Task<DeliveryReceipt> Produce(T message, CancellationToken cancellationToken = default) =>
        Produce(message, EventEnvelope.New(), cancellationToken);

    public Task<DeliveryReceipt> Produce(T message, EventEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        if (!KafkaTelemetry.Source.HasListeners())
        {
            // Nobody listens: hand back the delivery task itself rather than wrap it in another state machine.
            return _producer.Produce(_builder.Build(message, envelope), cancellationToken);
        }

        return ProduceTraced(message, envelope, cancellationToken);
    }

    // Async so the span is Activity.Current only inside this call, never in the caller's context.
    private async Task<DeliveryReceipt> ProduceTraced(T message, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        using var activity = KafkaTelemetry.Source.StartActivity(_spanName, ActivityKind.Producer);
        var record = _builder.Build(message, activity is null ? envelope : envelope with { Activity = activity });
        if (activity is null)
        {
            return await _producer.Produce(record, cancellationToken);
        }

        MessagingSpan.Describe(activity, MessagingSpan.Send, Topic);
        activity.SetTag(MessagingSpan.MessageId, envelope.EventId.ToString("D"));
        if (record.Key is { } key)
        {
            activity.SetTag(MessagingSpan.MessageKey, Encoding.UTF8.GetString(key));
        }

        try
        {
            var receipt = await _producer.Produce(record, cancellationToken);
            MessagingSpan.Position(activity, receipt.Partition, receipt.Offset);
            return receipt;
        }
        catch (Exception ex)
        {
            MessagingSpan.Fail(activity, ex);
            throw;
        }
    }
}
