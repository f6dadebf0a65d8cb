using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>The log messages of a topic endpoint's consumer, shared by the classes its poll thread and lanes run.</summary>
internal static partial class ConsumerLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Kafka consumer for {Topic} ({Group}) faulted; stopping it")]
    public static partial void ConsumerFaulted(this ILogger logger, Exception exception, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consumer for {Topic} ({Group}) could not stop cleanly after its fault; its uncommitted records will be redelivered")]
    public static partial void ShutdownAfterFaultFailed(this ILogger logger, Exception exception, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka error {Code} on {Topic} ({Group}): {Reason}")]
    public static partial void KafkaError(this ILogger logger, ErrorCode code, string reason, string topic, string group);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka {Facility}: {Message}")]
    public static partial void Librdkafka(this ILogger logger, string facility, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Topic}[{Partition}]@{Offset} threw; the record will be redelivered")]
    public static partial void ProcessorThrew(this ILogger logger, Exception exception, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {Topic} ({Group}) tripped its circuit breaker; pausing for {Pause}")]
    public static partial void BreakerTripped(this ILogger logger, string topic, string group, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {Topic} ({Group}): {Problem}")]
    public static partial void LayoutProblem(this ILogger logger, string topic, string group, string problem);

    // The lifecycle of a topic endpoint's consumer, in order, at Information and named by the endpoint:
    // connecting, connected, assigned, revoked (after draining), stopped.
    [LoggerMessage(Level = LogLevel.Information, Message = "Topic endpoint {Endpoint} connecting to {BootstrapServers}")]
    public static partial void Connecting(this ILogger logger, string endpoint, string? bootstrapServers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic endpoint {Endpoint} connected: subscribed to {Topics}, waiting for an assignment")]
    public static partial void Connected(this ILogger logger, string endpoint, string topics);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic endpoint {Endpoint} assigned {Partitions}")]
    public static partial void Assigned(this ILogger logger, string endpoint, string partitions);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Topic endpoint {Endpoint} draining {Count} running records of {Partitions} (at most {Timeout}); {Abandoned} queued records left uncommitted")]
    public static partial void Draining(this ILogger logger, string endpoint, int count, int abandoned, string partitions, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic endpoint {Endpoint} released {Partitions} (committed: {Committed})")]
    public static partial void Revoked(this ILogger logger, string endpoint, string partitions, bool committed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Topic endpoint {Endpoint} stopped its consumer ({Settled} records settled by the endpoint so far)")]
    public static partial void Stopped(this ILogger logger, string endpoint, long settled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining {Topic} ({Group}) timed out with {Count} records still running; they are cancelled and will be redelivered")]
    public static partial void DrainTimedOut(this ILogger logger, string topic, string group, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rewound {Partition} to offset {Offset}; redelivering in {Delay}")]
    public static partial void Rewound(this ILogger logger, string partition, long offset, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Topic endpoint {Endpoint} stops without committing or leaving its group: no broker answered ({Reason}); records since the last commit will be delivered again")]
    public static partial void StoppingUnreachable(this ILogger logger, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing offsets of group {Group} failed: {Reason}")]
    public static partial void CommitFailed(this ILogger logger, Exception exception, string group, string reason);
}
