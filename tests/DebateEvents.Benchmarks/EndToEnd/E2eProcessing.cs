namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>What the e2e processor does per event: the full pipeline, or less, to see what each part costs.</summary>
internal enum E2eProcessing
{
    /// <summary>Writes the read-model row behind our inbox (one transaction with the inbox entry): the pipeline as the host runs it.</summary>
    Inbox,

    /// <summary>Writes the read-model row with its own SaveChanges, no inbox.</summary>
    Plain,

    /// <summary>Writes nothing: what outbox, Kafka and the topic endpoint cost alone.</summary>
    NoOp,
}
