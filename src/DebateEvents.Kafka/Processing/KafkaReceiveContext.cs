using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Net.Mime;
using Confluent.Kafka;
using DebateEvents.Kafka.Routing;
using MassTransit;
using MassTransit.Middleware;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// MassTransit's view of one Kafka record whose body the endpoint already deserialized: its consume
/// context is the <see cref="ConsumeContext"/> payload, so the endpoint's deserialize filter passes it
/// straight on. Written against <see cref="ReceiveContext"/> rather than MassTransit's base receive
/// context, which builds a cancellation source, a stopwatch, four lazies and a pending-task dictionary
/// for every message; here each of those is a field, or is created only when something asks for it.
/// </summary>
internal sealed class KafkaReceiveContext : ScopePipeContext, ReceiveContext, IKafkaRecordContext
{
    private readonly ConsumeResult<byte[]?, byte[]> _result;
    private readonly TopicReceiveEndpointContext _endpoint;
    private readonly RecordHeaderProvider _headerProvider;
    private readonly long _receivedAt = Stopwatch.GetTimestamp();
    private ConsumeContext _consumeContext;
    private MassTransit.Headers? _transportHeaders;
    private ContentType? _contentType;
    private MassTransit.Util.PendingTaskCollection? _receiveTasks;

    public KafkaReceiveContext(ConsumeResult<byte[]?, byte[]> result, object message, Type messageType, string[] messageTypeUrns,
        TopicReceiveEndpointContext endpoint, CancellationToken cancellationToken)
        : base(endpoint)
    {
        _result = result;
        _endpoint = endpoint;
        CancellationToken = cancellationToken;
        Body = new BytesMessageBody(result.Message.Value ?? []);
        _headerProvider = new RecordHeaderProvider(result.Message.Headers);
        var messageContext = new KafkaMessageContext(result, this);
        _consumeContext = new KafkaRecordConsumeContext(this, new RecordSerializerContext(message, messageType, messageTypeUrns, messageContext));
    }

    public override CancellationToken CancellationToken { get; }

    public MessageBody Body { get; }

    public TimeSpan ElapsedTime => Stopwatch.GetElapsedTime(_receivedAt);

    public Uri InputAddress => _endpoint.InputAddress;

    public ContentType ContentType => _contentType ??= ReadContentType();

    public bool Redelivered => false;

    public MassTransit.Headers TransportHeaders => _transportHeaders ??= new JsonTransportHeaders(_headerProvider);

    public Task ReceiveCompleted => Volatile.Read(ref _receiveTasks)?.Completed(CancellationToken) ?? Task.CompletedTask;

    public bool IsDelivered { get; private set; }

    public bool IsFaulted { get; private set; }

    public ISendEndpointProvider SendEndpointProvider => _endpoint.SendEndpointProvider;

    public IPublishEndpointProvider PublishEndpointProvider => _endpoint.PublishEndpointProvider;

    public bool PublishFaults => _endpoint.PublishFaults;

    public string Topic => _result.Topic;

    public int Partition => _result.Partition.Value;

    public long Offset => _result.Offset.Value;

    public byte[]? Key => _result.Message.Key;

    public string GroupId => _endpoint.GroupId;

    public Timestamp Timestamp => _result.Message.Timestamp;

    public Confluent.Kafka.Headers Headers => _result.Message.Headers ?? [];

    /// <summary>The raw record, for the dead-letter and retry writers.</summary>
    public ConsumeResult<byte[]?, byte[]> Record => _result;

    /// <summary>How many times a consumer was invoked for this record (in-process retries included).</summary>
    public int Attempts { get; set; }

    /// <summary>Set by the error filter once the record has been written to the retry or dead-letter topic.</summary>
    public bool SettledByErrorTopic { get; set; }

    public void AddReceiveTask(Task task)
    {
        if (Volatile.Read(ref _receiveTasks) is null)
        {
            Interlocked.CompareExchange(ref _receiveTasks, new MassTransit.Util.PendingTaskCollection(4), null);
        }

        _receiveTasks!.Add(task);
    }

    public Task NotifyConsumed<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class
    {
        IsDelivered = true;
        context.LogConsumed(duration, consumerType);
        return ObserverSet.IsEmpty(_endpoint.ReceiveObservers) ? Task.CompletedTask : _endpoint.ReceiveObservers.PostConsume(context, duration, consumerType);
    }

    public Task NotifyFaulted<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class
    {
        IsFaulted = true;
        if (exception is OperationCanceledException canceled && canceled.CancellationToken == context.CancellationToken)
        {
            context.LogCanceled(duration, consumerType);
        }
        else
        {
            context.LogFaulted(duration, consumerType, exception);
        }

        GetOrAddPayload<ConsumerFaultContext>(() => new ConsumerFault(TypeCache<T>.ShortName, consumerType));
        return _endpoint.ReceiveObservers.ConsumeFault(context, duration, consumerType, exception);
    }

    public Task NotifyFaulted(Exception exception)
    {
        IsFaulted = true;
        this.LogFaulted(exception);
        return _endpoint.ReceiveObservers.ReceiveFault(this, exception);
    }

    public override bool HasPayloadType(Type payloadType) => payloadType == typeof(ConsumeContext) || base.HasPayloadType(payloadType);

    public override bool TryGetPayload<T>([NotNullWhen(true)] out T? payload)
        where T : class
    {
        if (typeof(T) == typeof(ConsumeContext))
        {
            payload = (T)_consumeContext;
            return true;
        }

        return base.TryGetPayload(out payload);
    }

    public override T GetOrAddPayload<T>(PayloadFactory<T> payloadFactory) =>
        typeof(T) == typeof(ConsumeContext) ? (T)_consumeContext : base.GetOrAddPayload(payloadFactory);

    public override T AddOrUpdatePayload<T>(PayloadFactory<T> addFactory, UpdatePayloadFactory<T> updateFactory)
    {
        ArgumentNullException.ThrowIfNull(updateFactory);
        if (typeof(T) != typeof(ConsumeContext))
        {
            return base.AddOrUpdatePayload(addFactory, updateFactory);
        }

        _consumeContext = (ConsumeContext)updateFactory((T)_consumeContext);
        return (T)_consumeContext;
    }

    private ContentType ReadContentType()
    {
        var text = _headerProvider.TryGetHeader(CloudEventHeaders.ContentType, out var value) ? (string)value : "application/json";
        try
        {
            return new ContentType(text);
        }
        catch (FormatException)
        {
            return new ContentType("application/octet-stream");
        }
    }

    private sealed record ConsumerFault(string MessageType, string ConsumerType) : ConsumerFaultContext;
}
