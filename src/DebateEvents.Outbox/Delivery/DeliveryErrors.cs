using Confluent.Kafka;

namespace DebateEvents.Outbox.Delivery;

/// <summary>Tells errors that will not go away by retrying (the record or topic is rejected) from outages.</summary>
internal static class DeliveryErrors
{
    private static readonly HashSet<ErrorCode> Permanent =
    [
        ErrorCode.MsgSizeTooLarge, ErrorCode.RecordListTooLarge, ErrorCode.InvalidMsg,
        ErrorCode.InvalidMsgSize, ErrorCode.InvalidRecord, ErrorCode.TopicAuthorizationFailed, ErrorCode.ClusterAuthorizationFailed,
        ErrorCode.TopicException, ErrorCode.UnknownTopicOrPart, ErrorCode.Local_UnknownTopic, ErrorCode.Local_UnknownPartition,
        ErrorCode.PolicyViolation, ErrorCode.Local_BadMsg, ErrorCode.Local_InvalidArg,
    ];

    /// <summary>True when the broker (or the client before sending) rejects the record itself, not the connection.</summary>
    public static bool IsPermanent(Error error) => Permanent.Contains(error.Code);

    /// <summary>The error as stored with the row and shown in the dead-letter table.</summary>
    public static string Describe(Error error) => $"{error.Code}: {error.Reason}";
}
