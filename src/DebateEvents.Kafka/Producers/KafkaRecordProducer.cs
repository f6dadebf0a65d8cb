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
/// and flushes and closes when the rider stops. A bus that starts again gets a fresh client on first use.
/// </summary>
internal sealed class KafkaRecordProducer : IEventRecordProducer, IDisposable
{
    private readonly Func<IProducer<byte[]?, byte[]>> _build;
    private readonly Lock _gate = new();
    private readonly ProducerCircuitBreaker _breaker;
    private readonly RiderMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeSpan _flushTimeout;
    private IProducer<byte[]?, byte[]>? _producer;

    public KafkaRecordProducer(ProducerConfig config, KafkaProducerOptions options, RiderMetrics metrics, ILogger logger)
    {
        _build = () => new ProducerBuilder<byte[]?, byte[]>(config)
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

    /// <summary>
    /// Sends a message as is; the dead-letter and retry writers use this to keep original headers. The
    /// delivery report completes the returned task directly (continuations run on the thread pool, never on
    /// librdkafka's thread): one hand-off per record, as with a bare <c>ProduceAsync</c>.
    /// </summary>
    public Task<DeliveryReceipt> Send(string topic, Message<byte[]?, byte[]> message, CancellationToken cancellationToken)
    {
        _breaker.ThrowIfOpen(topic);
        cancellationToken.ThrowIfCancellationRequested();
        if (message.Timestamp.Type == TimestampType.NotAvailable)
        {
            // Stamp it here so the delivery receipt reports the time the broker stores (create time).
            message.Timestamp = new Timestamp(DateTime.UtcNow, TimestampType.CreateTime);
        }

        var delivery = new PendingDelivery(this, topic, message, Activity.Current);
        delivery.CancelWith(cancellationToken);
        try
        {
            Client.Produce(topic, message, delivery.OnDelivered);
        }
        catch (ProduceException<byte[]?, byte[]> ex)
        {
            delivery.Abandon();
            Failed(topic, ex, Activity.Current);
            return Task.FromException<DeliveryReceipt>(ex);
        }
        catch
        {
            delivery.Abandon();
            throw;
        }

        return delivery.Task;
    }

    /// <summary>Counts a delivered record and closes a half-open circuit breaker.</summary>
    internal void Succeeded(string topic)
    {
        _breaker.RecordSuccess();
        _metrics.Produced(topic);
    }

    /// <summary>Counts a failed record, marks its span and may open the circuit breaker.</summary>
    internal void Failed(string topic, ProduceException<byte[]?, byte[]> ex, Activity? activity)
    {
        _metrics.ProduceFailed(topic);
        activity?.AddException(ex);
        if (_breaker.RecordFailure(ex))
        {
            _logger.LogError(ex, "Kafka producer circuit opened after repeated failures producing to {Topic}: {Reason}", topic, ex.Error.Reason);
        }
    }

    private IProducer<byte[]?, byte[]> Client
    {
        get
        {
            if (Volatile.Read(ref _producer) is { } producer)
            {
                return producer;
            }

            lock (_gate)
            {
                return _producer ??= _build();
            }
        }
    }

    /// <summary>Waits for queued records to be delivered (up to the flush timeout), then releases the client.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_producer is not { } producer)
            {
                return;
            }

            var remaining = producer.Flush(_flushTimeout);
            if (remaining > 0)
            {
                _logger.LogWarning("{Count} records were still undelivered when the Kafka producer flush timed out", remaining);
            }

            producer.Dispose();
            _producer = null;
        }
    }

    public void Dispose() => Close();
}
