namespace DebateEvents.Kafka;

/// <summary>Names of a topic's companion topics.</summary>
public static class TopicNames
{
    /// <summary>The retry topic of <paramref name="topic"/>: <c>{topic}.retry</c>.</summary>
    public static string Retry(string topic) => topic + ".retry";

    /// <summary>The dead-letter topic of <paramref name="topic"/>: <c>{topic}.dead-letter</c>.</summary>
    public static string DeadLetter(string topic) => topic + ".dead-letter";
}
