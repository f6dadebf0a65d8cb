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
internal sealed class KafkaOutboxTransport : IOutboxTransport, IDisposable
{
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly BrokerReachability _reachability;
    private readonly TimeProvider _clock;

    public KafkaOutboxTransport(IOptions<DebateEventsOutboxOptions> options, BrokerReachability reachability, TimeProvider clock,
        ILogger<KafkaOutboxTransport> logger)
    {
        var settings = options.Value;
        var config = new ProducerConfig();
        foreach (var (name, value) in settings.ProducerProperties)
        {
            config.Set(name, value);
        }

        config.BootstrapServers = settings.BootstrapServers;
        config.EnableIdempotence = true;
        config.Acks = Acks.All;
        config.LingerMs = settings.Linger.TotalMilliseconds;
        config.MessageTimeoutMs = (int)settings.DeliveryTimeout.TotalMilliseconds;
        config.QueueBufferingMaxMessages = Math.Max(100_000, settings.BatchSize * 4);
        _reachability = reachability;
        _clock = clock;
        _producer = new ProducerBuilder<byte[]?, byte[]>(config)
            .SetErrorHandler((_, error) =>
            {
                reachability.ReportError(error);
                logger.LogWarning("Outbox producer error {Code}: {Reason}", error.Code, error.Reason);
            })
            .Build();
    }

    public Task<OutboxDelivery[]> SendAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken cancellationToken)
    {
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
                _producer.Produce(row.Topic, ToMessage(row), report => batch.Complete(index, row.SequenceNumber, report));
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
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
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
