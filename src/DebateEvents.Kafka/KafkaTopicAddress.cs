namespace DebateEvents.Kafka;

/// <summary>
/// Send addresses that name a Kafka topic, <c>kafka://topic/{name}</c>. A consumer on a topic endpoint that
/// asks its context for such an endpoint (or answers with <c>RespondAsync</c> to a request whose reply topic
/// is one) produces to that topic through the rider; any other address goes to the bus as usual.
/// </summary>
public static class KafkaTopicAddress
{
    /// <summary>The URI scheme of topic addresses.</summary>
    public const string Scheme = "kafka";

    private const string Host = "topic";

    /// <summary>The address of <paramref name="topic"/>.</summary>
    public static Uri For(string topic)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        return new Uri($"{Scheme}://{Host}/{Uri.EscapeDataString(topic)}");
    }

    /// <summary>The topic <paramref name="address"/> names, if it is a topic address.</summary>
    public static bool TryGetTopic(Uri? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? topic)
    {
        topic = null;
        if (address is not { IsAbsoluteUri: true } || address.Scheme != Scheme || address.Host != Host)
        {
            return false;
        }

        var name = Uri.UnescapeDataString(address.AbsolutePath.TrimStart('/'));
        topic = name.Length > 0 ? name : null;
        return topic is not null;
    }
}
