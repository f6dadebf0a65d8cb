namespace DebateEvents.Kafka.Routing;

/// <summary>
/// Header names of the CloudEvents Kafka protocol binding (binary content mode) and the extra
/// headers DebateEvents writes on every record.
/// </summary>
public static class CloudEventHeaders
{
    /// <summary>Unique event id; also the inbox's de-duplication key.</summary>
    public const string Id = "ce_id";

    /// <summary>Event type name, mapped to a CLR type by the <see cref="EventRouteTable"/>.</summary>
    public const string Type = "ce_type";

    /// <summary>URI of the producing service.</summary>
    public const string Source = "ce_source";

    /// <summary>When the event occurred, RFC 3339.</summary>
    public const string Time = "ce_time";

    /// <summary>CloudEvents spec version, always <c>1.0</c>.</summary>
    public const string SpecVersion = "ce_specversion";

    /// <summary>Body format, for example <c>application/json</c> or <c>application/avro</c>.</summary>
    public const string ContentType = "content-type";

    /// <summary>Correlation id shared by events of one conversation.</summary>
    public const string CorrelationId = "correlation-id";

    /// <summary>W3C trace context, carrying the producer's span to the consumer.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C trace state, when the producer's span has one.</summary>
    public const string TraceState = "tracestate";

    /// <summary>The spec version this binding writes.</summary>
    public const string SpecVersionValue = "1.0";
}
