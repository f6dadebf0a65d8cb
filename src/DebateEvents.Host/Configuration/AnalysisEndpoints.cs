using DebateEvents.Host.Analysis;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Configuration;
using MassTransit;
using Zamaz.Debate.Events;

namespace DebateEvents.Host.Configuration;

/// <summary>
/// Debate analysis as request/response over Kafka: AnalyzeDebate requests on the request topic, answered by
/// <see cref="AnalyzeDebateHandler"/> on its topic endpoint, DebateAnalysis replies on the response topic.
/// </summary>
public static class AnalysisEndpoints
{
    /// <summary>Adds the handler, the request client and the routes of both contracts.</summary>
    public static void AddDebateAnalysis(this IRiderRegistrationConfigurator rider, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(rider);
        ArgumentNullException.ThrowIfNull(options);
        rider.AddConsumer<AnalyzeDebateHandler>();
        rider.AddKafkaRequestClient<AnalyzeDebate, DebateAnalysis>(options.RequestTopicName, options.ResponseTopicName, r => r.DebateId,
            DomainRoutes.Name<AnalyzeDebate>(), DomainRoutes.Name<DebateAnalysis>());
        // The handler's replies go to each request's reply topic; this route gives them their key, ce_type and schema.
        rider.AddProducer<DebateAnalysis>(options.ResponseTopicName, a => a.DebateId, DomainRoutes.Name<DebateAnalysis>());
    }

    /// <summary>Declares the handler's topic endpoint on the request topic.</summary>
    public static void ConfigureAnalysisEndpoint(this IKafkaRiderConfigurator kafka, IRiderRegistrationContext context, KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(options);
        kafka.TopicEndpoint(options.RequestTopicName, options.GroupOf("analysis-handlers"), e =>
        {
            if (options.CreateTopics)
            {
                e.CreateIfMissing(t =>
                {
                    t.NumPartitions = options.Partitions;
                    t.ReplicationFactor = options.ReplicationFactor;
                    // A request nobody answered within its timeout is of no use to anyone a day later.
                    t.RetentionMs = 86_400_000L;
                });
            }

            e.ConfigureKafkaConsumer(c => c.SessionTimeoutMs = options.SessionTimeoutMs);
            e.ConcurrentMessageLimit = 16;
            e.UseMessageRetry(r => r.Interval(3, TimeSpan.FromMilliseconds(100)));
            // No inbox: answering a request twice is harmless, the requester takes the first reply.
            e.ConfigureConsumer<AnalyzeDebateHandler>(context);
        });
    }
}
