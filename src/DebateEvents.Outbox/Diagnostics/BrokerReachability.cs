using Confluent.Kafka;

namespace DebateEvents.Outbox.Diagnostics;

/// <summary>
/// Whether the dispatcher can currently reach Kafka: unreachable after a transport-level error
/// (all brokers down, connection refused, timed out deliveries) until the next acknowledged record.
/// </summary>
internal sealed class BrokerReachability
{
    private volatile string? _lastError;

    public bool IsReachable => _lastError is null;

    /// <summary>The error that made the broker unreachable, while it is.</summary>
    public string? LastError => _lastError;

    public void ReportError(Error error)
    {
        if (error.Code is ErrorCode.Local_AllBrokersDown or ErrorCode.Local_Transport or ErrorCode.Local_MsgTimedOut
            or ErrorCode.Local_TimedOut or ErrorCode.Local_Resolve or ErrorCode.Local_Authentication || error.IsFatal)
        {
            _lastError = $"{error.Code}: {error.Reason}";
        }
    }

    public void ReportDelivered() => _lastError = null;
}
