using Confluent.Kafka;
using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Diagnostics;
using DebateEvents.Outbox.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Delivery;

/// <summary>
/// The dispatcher's own idempotent producer (acks=all): per-partition order holds across librdkafka's
/// internal retries, so a batch can be pipelined while each key's rows keep their order.
/// </summary>
/// <remarks>
/// Idempotence alone still lets a later record of a key land after an earlier one failed for good (the
/// client bumps its epoch and sends the rest again). With the gapless guarantee on, such a failure is
/// fatal instead: the broker has refused the requests behind the failed one (their sequence numbers no
/// longer follow), the client fails every record still queued, and this transport replaces it before
/// the next batch, which sends the rows again in order. The embedded cluster does not check sequence
/// numbers of non-transactional producers, so there a request already in flight can still overtake.
/// </remarks>
internal sealed class KafkaOutboxTransport : IOutboxTransport, IDisposable
{
    private readonly Func<IProducer<byte[]?, byte[]>> _build;
    private readonly Lock _gate = new();
    private readonly BrokerReachability _reachability;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly OutboxMetrics _metrics;
    private IProducer<byte[]?, byte[]>? _producer;
    private volatile bool _fatal;

    public KafkaOutboxTransport(IOptions<DebateEventsOutboxOptions> options, BrokerReachability reachability, TimeProvider clock,
        OutboxMetrics metrics, ILogger<KafkaOutboxTransport> logger)
    {
        var settings = options.Value;
        var config = new ProducerConfig();
        settings.Connection.ApplyTo(config);
        foreach (var (name, value) in settings.ProducerProperties)
        {
            config.Set(name, value);
        }

        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.LingerMs = settings.Linger.TotalMilliseconds;
        config.MessageTimeoutMs = (int)settings.DeliveryTimeout.TotalMilliseconds;
        config.QueueBufferingMaxMessages = Math.Max(100_000, settings.BatchSize * 4);
        config.EnableGaplessGuarantee = true;
        // A report needs only the status and where the record went, which it always carries; without this the client
        // copies every record's key, value and headers back out of librdkafka for each acknowledgement.
        config.DeliveryReportFields ??= "timestamp,status";
        _reachability = reachability;
        _clock = clock;
        _logger = logger;
        _metrics = metrics;
        _build = () => new ProducerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, error) =>
            {
                reachability.ReportError(error);
                if (error.IsFatal)
                {
                    _fatal = true;
                    logger.LogWarning("Outbox producer stopped to keep key order ({Code}: {Reason}); unacknowledged rows are sent again by a new producer",
                        error.Code, error.Reason);
                    return;
                }

                logger.LogWarning("Outbox producer error {Code}: {Reason}", error.Code, error.Reason);
            })
            .Build();
    }

    public Task<OutboxDelivery[]> SendAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        var producer = CurrentProducer();
        var batch = new PendingBatch(rows.Count, _clock, _reachability);
        var stopped = new Dictionary<string, Error>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (stopped.TryGetValue(row.OrderingKey, out var earlier))
            {
                batch.Fail(i, row.SequenceNumber, earlier);
                continue;
            }

            try
            {
                var index = i;
                producer.Produce(row.Topic, ToMessage(row), report => batch.Complete(index, row.SequenceNumber, report));
            }
            catch (ProduceException<byte[]?, byte[]> ex)
            {
                stopped[row.OrderingKey] = ex.Error;
                batch.Fail(i, row.SequenceNumber, ex.Error);
            }
            catch (KafkaException ex)
            {
                stopped[row.OrderingKey] = ex.Error;
                batch.Fail(i, row.SequenceNumber, ex.Error);
            }
        }

        return batch.Completion.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_producer is null)
            {
                return;
            }

            if (!_fatal)
            {
                _producer.Flush(TimeSpan.FromSeconds(5));
            }

            _producer.Dispose();
        }
    }

    /// <summary>The client to send with: a fresh one once the previous one stopped on a fatal error.</summary>
    private IProducer<byte[]?, byte[]> CurrentProducer()
    {
        if (!_fatal && _producer is { } current)
        {
            return current;
        }

        lock (_gate)
        {
            // Built on first use: a host whose dispatcher never sends (KAFKA_ENABLED=false) opens no Kafka client.
            _producer ??= _build();
            if (_fatal)
            {
                _producer.Dispose();
                _producer = _build();
                _fatal = false;
                _metrics.ProducerRestarted();
                _logger.LogInformation("Outbox producer replaced after a fatal error");
            }

            return _producer;
        }
    }

    private static Message<byte[]?, byte[]> ToMessage(OutboxMessage row)
    {
        var headers = new Headers();
        foreach (var header in HeaderCodec.Decode(row.Headers))
        {
            headers.Add(header.Key, header.Value);
        }

        return new Message<byte[]?, byte[]> { Key = row.Key, Value = row.Value, Headers = headers };
    }
}
