namespace DebateEvents.Avro.Registry;

/// <summary>Computes subject names with a <see cref="SubjectNameStrategy"/>.</summary>
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
            SubjectNameStrategy.TopicName => topic + (isKey ? "-key" : "-value"),
            SubjectNameStrategy.RecordName => recordFullName,
            SubjectNameStrategy.TopicRecordName => topic + "-" + recordFullName,
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown subject name strategy."),
        };
    }
}
