using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Requests;

/// <summary>The log messages of request clients and their reply listeners.</summary>
internal static partial class ReplyLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for replies on {Topic} from offsets {Offsets} (group {Group})")]
    public static partial void Listening(this ILogger logger, string topic, string offsets, string group);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignored a reply on {Topic} for request {RequestId}, which this instance is not waiting for")]
    public static partial void ReplyIgnored(this ILogger logger, string topic, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reply listener on {Topic}: Kafka error {Code}: {Reason}")]
    public static partial void KafkaError(this ILogger logger, string topic, Confluent.Kafka.ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply listener on {Topic} stopped; requests waiting for replies there will time out")]
    public static partial void ListenerFaulted(this ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No {ResponseType} on {Topic} for request {RequestId} within {Timeout}")]
    public static partial void TimedOut(this ILogger logger, string responseType, string topic, Guid requestId, TimeSpan timeout);
}
