using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Consumers;

/// <summary>The topic consumer's log messages.</summary>
internal sealed partial class TopicConsumer
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Kafka consumer for {Topic} ({Group}) faulted; stopping it")]
    private partial void LogConsumerFaulted(Exception exception, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consumer for {Topic} ({Group}) could not stop cleanly after its fault; its uncommitted records will be redelivered")]
    private partial void LogShutdownAfterFaultFailed(Exception exception, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka error {Code} on {Topic} ({Group}): {Reason}")]
    private partial void LogKafkaError(ErrorCode code, string reason, string topic, string group);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka {Facility}: {Message}")]
    private partial void LogLibrdkafka(string facility, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {Topic}[{Partition}]@{Offset} threw; the record will be redelivered")]
    private partial void LogProcessorThrew(Exception exception, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {Topic} ({Group}) tripped its circuit breaker; pausing for {Pause}")]
    private partial void LogBreakerTripped(string topic, string group, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Endpoint {Topic} ({Group}): {Problem}")]
    private partial void LogLayoutProblem(string topic, string group, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {Group} assigned {Partitions}")]
    private partial void LogAssigned(string group, string partitions);

    [LoggerMessage(Level = LogLevel.Information, Message = "Group {Group} released {Partitions} (committed: {Committed})")]
    private partial void LogRevoked(string group, string partitions, bool committed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Draining {Topic} ({Group}) timed out with {Count} records unsettled; they will be redelivered")]
    private partial void LogDrainTimedOut(string topic, string group, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rewound {Partition} to offset {Offset}; redelivering in {Delay}")]
    private partial void LogRewound(string partition, long offset, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing offsets of group {Group} failed: {Reason}")]
    private partial void LogCommitFailed(Exception exception, string group, string reason);
}
