using Confluent.Kafka;

namespace DebateEvents.Kafka;

/// <summary>
/// Where a consumed event came from. Available to consumers through
/// <see cref="KafkaConsumeContextExtensions.GetKafkaRecord"/>.
/// </summary>
public interface IKafkaRecordContext
{
    /// <summary>The topic the record was read from (the endpoint's topic or its retry topic).</summary>
    string Topic { get; }

    /// <summary>The record's partition.</summary>
    int Partition { get; }

    /// <summary>The record's offset within its partition.</summary>
    long Offset { get; }

    /// <summary>The raw record key, or null for a keyless record.</summary>
    byte[]? Key { get; }

    /// <summary>The consumer group of the endpoint.</summary>
    string GroupId { get; }

    /// <summary>The record's timestamp.</summary>
    Timestamp Timestamp { get; }

    /// <summary>The record's headers as received.</summary>
    Headers Headers { get; }
}
