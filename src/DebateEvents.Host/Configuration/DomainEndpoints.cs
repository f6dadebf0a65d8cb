using DebateEvents.Kafka.Configuration;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Processors;
using DebateEvents.Outbox.Configuration;
using MassTransit;

namespace DebateEvents.Host.Configuration;

/// <summary>One topic endpoint per domain topic, each feeding its processor through the inbox.</summary>
public static class DomainEndpoints
{
    private const int EmbeddedFetchWaitMs = 10;

    /// <summary>Adds the processors to the rider.</summary>
    public static void AddDomainProcessors(this IRiderRegistrationConfigurator rider)
    {
        ArgumentNullException.ThrowIfNull(rider);
        rider.AddConsumer<DebateEventProcessor>();
        rider.AddConsumer<DecisionEventProcessor>();
        rider.AddConsumer<EvolutionEventProcessor>();
        rider.AddConsumer<MetricsEventProcessor>();
        rider.AddConsumer<WebhookEventProcessor>();
    }

    /// <summary>Connects the rider to the cluster and declares the topic endpoints.</summary>
    public static void ConfigureDomainEndpoints(this IKafkaRiderConfigurator kafka, IRiderRegistrationContext context, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(options);
        var connection = context.GetRequiredService<KafkaConnection>();
        kafka.Host(connection.Options);
        kafka.ConfigureProducer(p => CopyProducerSettings(options.Producer, p));
        if (connection.Embedded is { } cluster)
        {
            kafka.UseTopicProvisioner((topic, _) =>
            {
                try
                {
                    cluster.CreateTopic(topic.Name, topic.Partitions, Math.Min((int)topic.ReplicationFactor, cluster.Brokers));
                }
                catch (Confluent.Kafka.KafkaException ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.TopicAlreadyExists)
                {
                    // The embedded cluster starts with the domain topics; CreateIfMissing finds them there.
                }

                return Task.CompletedTask;
            });
        }

        var embedded = connection.Embedded is not null;
        Endpoint<DebateEventProcessor>(kafka, context, options, embedded, "debate-events", "debate-processors");
        Endpoint<DecisionEventProcessor>(kafka, context, options, embedded, "decision-events", "decision-processors");
        Endpoint<EvolutionEventProcessor>(kafka, context, options, embedded, "evolution-events", "evolution-processors");
        Endpoint<MetricsEventProcessor>(kafka, context, options, embedded, "metrics-events", "metrics-processors");
        Endpoint<WebhookEventProcessor>(kafka, context, options, embedded, "webhook-events", "webhook-processors");
    }

    private static void Endpoint<TProcessor>(
        IKafkaRiderConfigurator kafka, IRiderRegistrationContext context, KafkaOptions options, bool embedded, string topic, string group)
        where TProcessor : class, IConsumer
    {
        var retention = DomainTopics.All.Single(t => t.Name == topic).RetentionDays;
        kafka.TopicEndpoint($"{options.TopicPrefix}.{topic}", options.GroupOf(group), e =>
        {
            if (options.CreateTopics)
            {
                e.CreateIfMissing(t =>
                {
                    t.NumPartitions = options.Partitions;
                    t.ReplicationFactor = options.ReplicationFactor;
                    t.RetentionMs = retention * 86_400_000L;
                t.CompressionType = options.TopicCompression;
                });
            }

            e.MaxBufferedRecords = options.MaxBufferedRecords;
            e.ConfigureKafkaConsumer(c =>
            {
                c.AutoOffsetReset = options.AutoOffsetReset;
                c.SessionTimeoutMs = options.SessionTimeoutMs;
                if (embedded)
                {
                    // The embedded cluster answers a fetch that finds nothing only after the whole fetch.wait.max.ms
                    // (a real broker answers as data arrives), so its 500 ms default would be a caught-up consumer's latency.
                    c.FetchWaitMaxMs = EmbeddedFetchWaitMs;
                }
            });
            e.ConcurrentMessageLimit = 16;
            e.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100)));
            e.ConfigureConsumer<TProcessor>(context, c => c.UseDebateEventsInbox());
        });
    }

    private static void CopyProducerSettings(KafkaProducerOptions from, KafkaProducerOptions to)
    {
        // Idempotence needs acks=all; a user who asks for fewer acks gets a producer without it.
        to.Acks = from.Acks;
        to.EnableIdempotence = from.EnableIdempotence && from.Acks == Confluent.Kafka.Acks.All;
        to.Retries = from.Retries;
        to.BatchSizeBytes = from.BatchSizeBytes;
        to.Linger = from.Linger;
        to.CompressionType = from.CompressionType;
    }
}
