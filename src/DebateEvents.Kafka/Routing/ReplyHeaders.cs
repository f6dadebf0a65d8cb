namespace DebateEvents.Kafka.Routing;

/// <summary>
/// Headers of request/response over topics: a request names the topic its reply goes to and carries its id;
/// the reply carries the same id back, so the requester can match it to the request waiting for it.
/// </summary>
public static class ReplyHeaders
{
    /// <summary>The id of the request (the request record's <c>ce_id</c>), on the request and on its reply.</summary>
    public const string RequestId = "request-id";

    /// <summary>The topic the reply to a request is to be produced to.</summary>
    public const string ReplyTo = "reply-to";
}
