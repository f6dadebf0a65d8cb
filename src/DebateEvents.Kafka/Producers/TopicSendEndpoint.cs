using DebateEvents.Kafka.Routing;
using MassTransit;
using MassTransit.Context;
using MassTransit.Initializers;
using MassTransit.Observables;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Producers;

/// <summary>
/// A MassTransit send endpoint that produces to one Kafka topic: what a consumer's <c>RespondAsync</c> or
/// <c>GetSendEndpoint(KafkaTopicAddress.For(topic))</c> gets on a topic endpoint. The send pipe runs on a
/// MassTransit send context first, so what it sets travels in the record: the MessageId becomes <c>ce_id</c>,
/// the CorrelationId <c>correlation-id</c>, and the RequestId (set by <c>RespondAsync</c>) <c>request-id</c>.
/// The body is written by the topic's serializer, as every other record of the rider.
/// </summary>
internal sealed class TopicSendEndpoint : ISendEndpoint
{
    private readonly string _topic;
    private readonly EventRecordBuilder _builder;
    private readonly IEventRecordProducer _producer;
    private readonly SendObservable _observers = new();

    public TopicSendEndpoint(string topic, EventRecordBuilder builder, IEventRecordProducer producer)
    {
        _topic = topic;
        _builder = builder;
        _producer = producer;
    }

    public ConnectHandle ConnectSendObserver(ISendObserver observer) => _observers.Connect(observer);

    public Task Send<T>(T message, CancellationToken cancellationToken = default)
        where T : class =>
        Produce(message, null, cancellationToken);

    public Task Send<T>(T message, IPipe<SendContext<T>> pipe, CancellationToken cancellationToken = default)
        where T : class =>
        Produce(message, Run(pipe), cancellationToken);

    public Task Send<T>(T message, IPipe<SendContext> pipe, CancellationToken cancellationToken = default)
        where T : class =>
        Produce(message, Run<T>(pipe), cancellationToken);

    public Task Send(object message, CancellationToken cancellationToken = default) =>
        Produce(message, null, cancellationToken);

    public Task Send(object message, Type messageType, CancellationToken cancellationToken = default) =>
        Produce(message, null, cancellationToken);

    public Task Send(object message, IPipe<SendContext> pipe, CancellationToken cancellationToken = default) =>
        Produce(message, Run<object>(pipe), cancellationToken);

    public Task Send(object message, Type messageType, IPipe<SendContext> pipe, CancellationToken cancellationToken = default) =>
        Produce(message, Run<object>(pipe), cancellationToken);

    public Task Send<T>(object values, CancellationToken cancellationToken = default)
        where T : class =>
        Send<T>(values, (IPipe<SendContext<T>>?)null, cancellationToken);

    public async Task Send<T>(object values, IPipe<SendContext<T>>? pipe, CancellationToken cancellationToken = default)
        where T : class
    {
        var initialized = await MessageInitializerCache<T>.InitializeMessage(values, pipe!, cancellationToken);
        await Produce(initialized.Message, Run(initialized.Pipe), cancellationToken);
    }

    public Task Send<T>(object values, IPipe<SendContext> pipe, CancellationToken cancellationToken = default)
        where T : class =>
        Send(values, pipe.IsNotEmpty() ? new SendContextPipe<T>(pipe) : null, cancellationToken);

    private async Task Produce<T>(T message, Func<SendContext<T>, Task>? pipe, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var context = new MessageSendContext<T>(message, cancellationToken) { DestinationAddress = KafkaTopicAddress.For(_topic) };
        if (pipe is not null)
        {
            await pipe(context);
        }

        await _observers.PreSend(context);
        try
        {
            var envelope = new EventEnvelope(context.MessageId ?? NewId.NextGuid(), DateTimeOffset.UtcNow, context.CorrelationId);
            List<KeyValuePair<string, byte[]>> extra = context.RequestId is { } requestId
                ? [new(ReplyHeaders.RequestId, System.Text.Encoding.UTF8.GetBytes(requestId.ToString("D")))]
                : [];
            var record = await _builder.BuildForTopicAsync(message, envelope, _topic, extra, cancellationToken);
            await _producer.Produce(record, cancellationToken);
        }
        catch (Exception ex)
        {
            await _observers.SendFault(context, ex);
            throw;
        }

        await _observers.PostSend(context);
    }

    // As MassTransit's own send endpoints do: a pipe that is also an ISendContextPipe (the one RespondAsync passes,
    // which sets the RequestId) does its work through that interface, then runs as a pipe.
    private static Func<SendContext<T>, Task> Run<T>(IPipe<SendContext<T>> pipe)
        where T : class =>
        async context =>
        {
            if (pipe is ISendContextPipe contextPipe)
            {
                await contextPipe.Send(context);
            }

            if (pipe.IsNotEmpty())
            {
                await pipe.Send(context);
            }
        };

    private static Func<SendContext<T>, Task> Run<T>(IPipe<SendContext> pipe)
        where T : class =>
        Run(new SendContextPipe<T>(pipe));

    /// <summary>Lets a pipe over the untyped send context run where a typed one is expected.</summary>
    private sealed class SendContextPipe<T>(IPipe<SendContext> pipe) : IPipe<SendContext<T>>, ISendContextPipe
        where T : class
    {
        public Task Send(SendContext<T> context) => pipe.IsNotEmpty() ? pipe.Send(context) : Task.CompletedTask;

        Task ISendContextPipe.Send<TMessage>(SendContext<TMessage> context) =>
            pipe is ISendContextPipe contextPipe ? contextPipe.Send(context) : Task.CompletedTask;

        public void Probe(ProbeContext context) => pipe.Probe(context);
    }
}
