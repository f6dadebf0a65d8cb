namespace DebateEvents.Kafka.DeadLetter;

/// <summary>A faulted record could not be written to its retry or dead-letter topic; it stays uncommitted.</summary>
internal sealed class DeadLetterUnavailableException : Exception
{
    public DeadLetterUnavailableException(string topic, int partition, long offset, Exception consumerFault)
        : base($"{topic}[{partition}]@{offset} faulted and could not be written to its retry or dead-letter topic.", consumerFault)
    {
    }
}
