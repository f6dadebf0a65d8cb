namespace DebateEvents.Kafka.Configuration;

/// <summary>A topic endpoint declared with <c>k.TopicEndpoint</c>, built when the bus is.</summary>
internal sealed record TopicEndpointDefinition(string Topic, string GroupId, Action<ITopicEndpointConfigurator> Configure)
{
    /// <summary>The receive endpoint's name, unique per topic and group.</summary>
    public string EndpointName => $"kafka/{Topic}/{GroupId}";
}
