using Confluent.SchemaRegistry;

namespace DebateEvents.Avro.Registry;

/// <summary>Computes subject names with Confluent's <see cref="SubjectNameStrategy"/>, as its serializers do.</summary>
public static class SubjectNames
{
    /// <summary>The subject for a record written to a topic.</summary>
    /// <param name="strategy">The naming strategy.</param>
    /// <param name="topic">The Kafka topic.</param>
    /// <param name="recordFullName">The record schema's full name, e.g. <c>zamaz.debate.events.DebateInitiated</c>.</param>
    /// <param name="isKey">Whether the record is the message key rather than the value.</param>
    /// <returns>The subject name.</returns>
    public static string For(SubjectNameStrategy strategy, string topic, string recordFullName, bool isKey = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(recordFullName);
        return strategy switch
        {
            SubjectNameStrategy.Topic => topic + (isKey ? "-key" : "-value"),
            SubjectNameStrategy.Record => recordFullName,
            SubjectNameStrategy.TopicRecord => topic + "-" + recordFullName,
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Only the Topic, Record and TopicRecord strategies name subjects by themselves."),
        };
    }
}
