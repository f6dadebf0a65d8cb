using Confluent.Kafka;

namespace DebateEvents.Kafka.Configuration;

/// <summary>
/// Settings of the rider's single shared producer. The defaults favour safety: idempotence on,
/// acks from every in-sync replica, so a retried send never duplicates or reorders a key's records.
/// </summary>
public sealed class KafkaProducerOptions
{
    /// <summary>Idempotent producing (no duplicates, per-partition order kept across retries). Default true.</summary>
    public bool EnableIdempotence { get; set; } = true;

    /// <summary>Replica acknowledgements a send waits for. Default <see cref="Acks.All"/>, required by idempotence.</summary>
    public Acks Acks { get; set; } = Acks.All;

    /// <summary>Batch compression. Default none; lz4 or zstd pay off for bodies over a few hundred bytes.</summary>
    public CompressionType CompressionType { get; set; } = CompressionType.None;

    /// <summary>How long records wait to fill a batch. Default 5 ms: higher throughput for a small delay.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Upper bound of a batch in bytes. Default 1 MiB.</summary>
    public int BatchSizeBytes { get; set; } = 1_048_576;

    /// <summary>How long librdkafka keeps retrying a record before failing its delivery. Default 30 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long stopping the rider waits for queued records to be delivered. Default 10 s.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consecutive failed deliveries that open the circuit breaker. Default 5; zero disables the breaker.</summary>
    public int CircuitBreakerThreshold { get; set; } = 5;

    /// <summary>How long an open breaker rejects calls before letting a trial call through. Default 10 s.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often librdkafka retries a failed produce request (<c>message.send.max.retries</c>); null keeps its default.</summary>
    public int? Retries { get; set; }

    /// <summary>Applies these settings to a librdkafka producer configuration.</summary>
    internal void ApplyTo(ProducerConfig config)
    {
        config.MessageSendMaxRetries = Retries;
        config.EnableIdempotence = EnableIdempotence;
        config.Acks = Acks;
        config.CompressionType = CompressionType;
        config.LingerMs = Linger.TotalMilliseconds;
        config.BatchSize = BatchSizeBytes;
        config.MessageTimeoutMs = (int)DeliveryTimeout.TotalMilliseconds;
        // The rider reads a delivery report's outcome, position, timestamp and status only, and keeps the record it
        // sent: Confluent.Kafka's default ("all") would copy every record's headers back out of librdkafka.
        config.DeliveryReportFields ??= "timestamp,status";
    }
}
