using System.Diagnostics;
using System.Globalization;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// Names and attributes of the rider's spans, after the OpenTelemetry messaging conventions for Kafka: a span is
/// named <c>{operation} {topic}</c> (<c>send zamaz-debate.debate-events</c>) and carries the operation, the
/// destination, the partition as a string and the offset.
/// </summary>
internal static class MessagingSpan
{
    public const string Send = "send";
    public const string Process = "process";
    public const string System = "messaging.system";
    public const string OperationType = "messaging.operation.type";
    public const string OperationName = "messaging.operation.name";
    public const string Destination = "messaging.destination.name";
    public const string Partition = "messaging.destination.partition.id";
    public const string ConsumerGroup = "messaging.consumer.group.name";
    public const string Offset = "messaging.kafka.offset";
    public const string MessageKey = "messaging.kafka.message.key";
    public const string MessageId = "messaging.message.id";
    public const string ErrorType = "error.type";

    /// <summary>The span name of <paramref name="operation"/> on <paramref name="topic"/>.</summary>
    public static string Name(string operation, string topic) => $"{operation} {topic}";

    /// <summary>Tags what every span of the rider carries: system, operation and destination.</summary>
    public static void Describe(Activity activity, string operation, string topic)
    {
        activity.SetTag(System, "kafka");
        // The rider's operation names are the conventions' operation types (send, process).
        activity.SetTag(OperationType, operation);
        activity.SetTag(OperationName, operation);
        activity.SetTag(Destination, topic);
    }

    /// <summary>Tags where the record is: its partition (a string, as the conventions want) and offset.</summary>
    public static void Position(Activity activity, int partition, long offset)
    {
        activity.SetTag(Partition, partition.ToString(CultureInfo.InvariantCulture));
        activity.SetTag(Offset, offset);
    }

    /// <summary>Marks the span failed with the exception's type as <c>error.type</c>.</summary>
    public static void Fail(Activity activity, Exception exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception.Message);
        activity.SetTag(ErrorType, exception.GetType().FullName);
    }
}
