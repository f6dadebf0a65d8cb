namespace DebateEvents.Kafka.Processing;

/// <summary>How a record left its processor.</summary>
internal enum RecordOutcome
{
    /// <summary>Consumed successfully (or skipped because no consumer wants its type).</summary>
    Completed,

    /// <summary>Its consumer faulted, and the record was settled by writing it to the retry or dead-letter topic.</summary>
    Faulted,

    /// <summary>It could not be settled (for example the dead-letter topic is unavailable): redeliver it.</summary>
    Unsettled,
}
