namespace DebateEvents.Avro.Registry;

/// <summary>How a subject name is derived for a topic and record type, as in Confluent's serializers.</summary>
public enum SubjectNameStrategy
{
    /// <summary><c>{topic}-value</c> (or <c>-key</c>): one schema lineage per topic.</summary>
    TopicName,
    /// <summary>The record's full name: one lineage per event type, shared by every topic carrying it.</summary>
    RecordName,
    /// <summary><c>{topic}-{record full name}</c>: one lineage per event type per topic, for topics that carry several
    /// event types (such as <c>debate-events</c>).</summary>
    TopicRecordName,
}
