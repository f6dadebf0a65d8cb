using Confluent.Kafka;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Routing;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka.Requests;

/// <summary>Produces requests through the rider's producer and waits for their replies on its own <see cref="ReplyListener"/>.</summary>
internal sealed class KafkaRequestClient<TRequest> : IKafkaRequestClient<TRequest>, IDisposable
    where TRequest : class
{
    private readonly KafkaEventRouting _routing;
    private readonly EventRecordBuilder _builder;
    private readonly IEventRecordProducer _producer;
    private readonly ReplyListener _replies;
    private readonly ILogger _logger;

    public KafkaRequestClient(KafkaRiderServices services, string responseTopic, ILogger logger)
    {
        _routing = services.Routing;
        _builder = services.Routing.CreateRecordBuilder();
        _producer = services.Producer;
        _logger = logger;
        RequestTopic = services.Routing.Routes.GetRoute(typeof(TRequest)).Topic;
        ResponseTopic = responseTopic;
        _replies = new ReplyListener(responseTopic, services.ClientConfig, logger);
    }

    public string RequestTopic { get; }

    public string ResponseTopic { get; }

    public async Task<TResponse> GetResponse<TResponse>(TRequest request, TimeSpan timeout, CancellationToken cancellationToken = default)
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var requestId = NewId.NextGuid();
        try
        {
            await _replies.Started.WaitAsync(deadline.Token);
            var reply = _replies.Expect(requestId);
            await _producer.Produce(await BuildRequest(request, requestId, deadline.Token), deadline.Token);
            return await Read<TResponse>(await reply.WaitAsync(deadline.Token), deadline.Token);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.TimedOut(typeof(TResponse).Name, ResponseTopic, requestId, timeout);
            throw new RequestTimeoutException(requestId.ToString("D"), ex);
        }
        finally
        {
            _replies.Forget(requestId);
        }
    }

    public void Dispose() => _replies.Dispose();

    private ValueTask<EventRecord> BuildRequest(TRequest request, Guid requestId, CancellationToken cancellationToken)
    {
        KeyValuePair<string, byte[]>[] headers =
        [
            new(ReplyHeaders.RequestId, System.Text.Encoding.UTF8.GetBytes(requestId.ToString("D"))),
            new(ReplyHeaders.ReplyTo, System.Text.Encoding.UTF8.GetBytes(ResponseTopic)),
        ];
        return _builder.BuildForTopicAsync(request, new EventEnvelope(requestId, DateTimeOffset.UtcNow), RequestTopic, headers, cancellationToken);
    }

    private async Task<TResponse> Read<TResponse>(ConsumeResult<byte[]?, byte[]> reply, CancellationToken cancellationToken)
        where TResponse : class
    {
        var headers = reply.Message.Headers;
        if (headers.GetText(CloudEventHeaders.Type) is { } eventType && _routing.Routes.TryResolve(eventType, out var replyType)
            && !typeof(TResponse).IsAssignableFrom(replyType))
        {
            throw new InvalidOperationException($"The reply on {reply.Topic} is a {replyType.FullName}, not a {typeof(TResponse).FullName}.");
        }

        var contentType = headers.GetText(CloudEventHeaders.ContentType);
        if (!_routing.TryGetDeserializer(contentType, reply.Topic, out var serializer))
        {
            throw new InvalidOperationException($"No body serializer reads content-type '{contentType}' of the reply on {reply.Topic}.");
        }

        return (TResponse)await serializer.DeserializeAsync(reply.Message.Value ?? [], typeof(TResponse), reply.Topic, cancellationToken);
    }
}
