namespace DebateEvents.Host.Configuration;

/// <summary>The debate domain's topics, each with its retry and dead-letter companions.</summary>
public static class DomainTopics
{
    /// <summary>Topic names without their prefix, with retention in days.</summary>
    public static IReadOnlyList<(string Name, int RetentionDays)> All { get; } =
    [
        ("debate-events", 7),
        ("decision-events", 30),
        ("evolution-events", 90),
        ("webhook-events", 7),
        ("metrics-events", 7),
    ];

    /// <summary>
    /// The request/response topics of debate analysis: the request topic with its companions (its handler is a
    /// topic endpoint like the processors'), and the response topic.
    /// </summary>
    public static IEnumerable<string> RequestResponse(KafkaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var request = options.RequestTopicName;
        return [request, $"{request}.retry", $"{request}.dead-letter", options.ResponseTopicName];
    }

    /// <summary>Full names of every topic and companion under <paramref name="prefix"/>.</summary>
    public static IEnumerable<string> Names(string prefix) =>
        All.SelectMany(t => new[] { $"{prefix}.{t.Name}", $"{prefix}.{t.Name}.retry", $"{prefix}.{t.Name}.dead-letter" });
}
