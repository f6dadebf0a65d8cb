using System.Diagnostics;
using Confluent.Kafka;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Routing;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Producers;

/// <summary>
/// The rider's one Confluent producer (thread-safe, shared by every topic producer, the dead-letter
/// writer and the outbox): sends records, reports delivery, guards the broker with a circuit breaker,
/// and flushes on shutdown.
/// </summary>
internal sealed class KafkaRecordProducer : IEventRecordProducer, IDisposable
{
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly ProducerCircuitBreaker _breaker;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _flushTimeout;

    public KafkaRecordProducer(ProducerConfig config, KafkaProducerOptions options, RiderMetrics metrics, ILogger logger)
    {
        _producer = new ProducerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, error) => logger.LogWarning("Kafka producer error {Code}: {Reason}", error.Code, error.Reason))
            .SetLogHandler((_, message) => logger.LogDebug("librdkafka {Facility}: {Message}", message.Facility, message.Message))
            .Build();
        _breaker = new ProducerCircuitBreaker(options.CircuitBreakerThreshold, options.CircuitBreakDuration, TimeProvider.System);
        _metrics = metrics;
        _logger = logger;
        _flushTimeout = options.FlushTimeout;
    }

    /// <summary>True while the circuit breaker rejects calls.</summary>
    public bool IsCircuitOpen => _breaker.IsOpen;

    public Task<DeliveryReceipt> Produce(EventRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Send(record.Topic, record.ToMessage(), cancellationToken);
    }

    /// <summary>Sends a message as is; the dead-letter and retry writers use this to keep original headers.</summary>
    public async Task<DeliveryReceipt> Send(string topic, Message<byte[]?, byte[]> message, CancellationToken cancellationToken)
    {
        _breaker.ThrowIfOpen(topic);
        if (message.Timestamp.Type == TimestampType.NotAvailable)
        {
            // Stamp it here so the delivery receipt reports the time the broker stores (create time).
            message.Timestamp = new Timestamp(DateTime.UtcNow, TimestampType.CreateTime);
        }

        try
        {
            var result = await _producer.ProduceAsync(topic, message, cancellationToken);
            _breaker.RecordSuccess();
            _metrics.Produced(topic);
            return new DeliveryReceipt(result.Topic, result.Partition.Value, result.Offset.Value, result.Timestamp.UtcDateTime);
        }
        catch (ProduceException<byte[]?, byte[]> ex)
        {
            _metrics.ProduceFailed(topic);
            Activity.Current?.AddException(ex);
            if (_breaker.RecordFailure(ex))
            {
                _logger.LogError(ex, "Kafka producer circuit opened after repeated failures producing to {Topic}: {Reason}", topic, ex.Error.Reason);
            }

            throw;
        }
    }

    /// <summary>Waits for queued records to be delivered, up to the configured flush timeout.</summary>
    public void Flush()
    {
        var remaining = _producer.Flush(_flushTimeout);
        if (remaining > 0)
        {
            _logger.LogWarning("{Count} records were still undelivered when the Kafka producer flush timed out", remaining);
        }
    }

    public void Dispose() => _producer.Dispose();
}
