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

    /// <summary>Starts the stored error of a row the broker rejected (rather than one that met an outage).</summary>
    public const string RejectedPrefix = "rejected ";

    /// <summary>The error as stored with the row and shown in the dead-letter table.</summary>
    public static string Describe(Error error) => $"{(IsPermanent(error) ? RejectedPrefix : "")}{error.Code}: {error.Reason}";

    /// <summary>Whether a row's stored error says the broker rejected it last time.</summary>
    public static bool WasRejected(string? storedError) => storedError?.StartsWith(RejectedPrefix, StringComparison.Ordinal) == true;
}
