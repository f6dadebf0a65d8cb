namespace DebateEvents.Kafka;

/// <summary>
/// Sends <typeparamref name="TRequest"/> to its request topic and waits for the reply on the response topic,
/// registered by <c>r.AddKafkaRequestClient&lt;TRequest, TResponse&gt;(requestTopic, responseTopic, keySelector)</c>.
/// The handler on the other side is a plain MassTransit consumer on a topic endpoint that answers with
/// <c>context.RespondAsync(...)</c>. Resolve it from the container; it is a singleton.
/// </summary>
/// <typeparam name="TRequest">The request type.</typeparam>
public interface IKafkaRequestClient<in TRequest>
    where TRequest : class
{
    /// <summary>The topic requests are produced to.</summary>
    string RequestTopic { get; }

    /// <summary>The topic replies are read from (the request's <c>reply-to</c> header).</summary>
    string ResponseTopic { get; }

    /// <summary>
    /// Produces <paramref name="request"/> with a new request id (its <c>ce_id</c> and <c>request-id</c> header) and
    /// the response topic in its <c>reply-to</c> header, and completes with the reply carrying that id. The first
    /// call also starts the client's reply listener.
    /// </summary>
    /// <returns>The reply's body, read by the serializer its <c>content-type</c> names.</returns>
    /// <exception cref="MassTransit.RequestTimeoutException">No reply arrived within <paramref name="timeout"/> (a handler that
    /// faults does not reply: its request goes to the dead-letter topic).</exception>
    /// <exception cref="InvalidOperationException">The reply's <c>ce_type</c> names a type that is not a <typeparamref name="TResponse"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    Task<TResponse> GetResponse<TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
        where TResponse : class;
}
