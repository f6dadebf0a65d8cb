using System.Collections.Concurrent;
using DebateEvents.Kafka.Consumers;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>The running topic consumers of a rider, by endpoint name, for the health check.</summary>
internal sealed class TopicEndpointHealth
{
    private readonly ConcurrentDictionary<string, TopicConsumer> _consumers = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TopicConsumer> Consumers => _consumers;

    public void Add(string endpoint, TopicConsumer consumer) => _consumers[endpoint] = consumer;

    public void Remove(string endpoint, TopicConsumer consumer) => _consumers.TryRemove(new KeyValuePair<string, TopicConsumer>(endpoint, consumer));
}
