using Confluent.Kafka;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>One topic of a CreateTopics request and the broker's answer to it.</summary>
/// <param name="Name">The topic name.</param>
/// <param name="Partitions">The requested partition count (-1 asks for the broker default).</param>
/// <param name="ReplicationFactor">The requested replication factor (-1 asks for the broker default).</param>
/// <param name="Configs">The topic configs sent, such as <c>retention.ms</c>; a null value is a null on the wire.</param>
/// <param name="ApiVersion">The CreateTopics version the client chose.</param>
/// <param name="Answer">The error code the broker answered with, <see cref="ErrorCode.NoError"/> when created.</param>
/// <param name="Message">The error message sent with <paramref name="Answer"/>, if any.</param>
internal sealed record TopicRequest(
    string Name,
    int Partitions,
    short ReplicationFactor,
    IReadOnlyDictionary<string, string?> Configs,
    short ApiVersion,
    ErrorCode Answer,
    string? Message);
