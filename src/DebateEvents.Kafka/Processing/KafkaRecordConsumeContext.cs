using System.Diagnostics.CodeAnalysis;
using MassTransit;
using MassTransit.Context;
using MassTransit.Util;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// The consume context of a Kafka record. Faults are not published as <c>Fault&lt;T&gt;</c>: a faulted
/// record goes to the dead-letter topic and a <see cref="KafkaRecordDeadLettered"/> event is published instead.
/// Built on <see cref="BaseConsumeContext"/> rather than MassTransit's body consume context, which creates a
/// pending-task collection and a message-type dictionary for every message; a record is almost always
/// consumed as its one type and adds no consume tasks, so here both are created only when needed.
/// </summary>
internal sealed class KafkaRecordConsumeContext : BaseConsumeContext
{
    private readonly Lock _gate = new();
    private Type? _firstType;
    private ConsumeContext? _firstContext;
    private Dictionary<Type, ConsumeContext?>? _otherTypes;
    private PendingTaskCollection? _consumeTasks;

    public KafkaRecordConsumeContext(ReceiveContext receiveContext, SerializerContext serializerContext)
        : base(receiveContext, serializerContext)
    {
    }

    public override Task ConsumeCompleted => Volatile.Read(ref _consumeTasks)?.Completed(CancellationToken) ?? Task.CompletedTask;

    public override Guid? MessageId => SerializerContext.MessageId;

    public override Guid? RequestId => SerializerContext.RequestId;

    public override Guid? CorrelationId => SerializerContext.CorrelationId;

    public override Guid? ConversationId => SerializerContext.ConversationId;

    public override Guid? InitiatorId => SerializerContext.InitiatorId;

    public override DateTime? ExpirationTime => SerializerContext.ExpirationTime;

    public override Uri SourceAddress => SerializerContext.SourceAddress!;

    public override Uri DestinationAddress => SerializerContext.DestinationAddress!;

    public override Uri ResponseAddress => SerializerContext.ResponseAddress!;

    public override Uri FaultAddress => SerializerContext.FaultAddress!;

    public override DateTime? SentTime => SerializerContext.SentTime;

    public override MassTransit.Headers Headers => SerializerContext.Headers;

    public override HostInfo Host => SerializerContext.Host;

    public override IEnumerable<string> SupportedMessageTypes => SerializerContext.SupportedMessageTypes;

    public override void AddConsumeTask(Task task)
    {
        if (Volatile.Read(ref _consumeTasks) is null)
        {
            Interlocked.CompareExchange(ref _consumeTasks, new PendingTaskCollection(4), null);
        }

        _consumeTasks!.Add(task);
    }

    public override bool HasPayloadType(Type payloadType) => payloadType.IsInstanceOfType(this) || ReceiveContext.HasPayloadType(payloadType);

    public override bool TryGetPayload<T>([NotNullWhen(true)] out T? payload)
        where T : class
    {
        if (this is T context)
        {
            payload = context;
            return true;
        }

        return ReceiveContext.TryGetPayload(out payload);
    }

    public override T GetOrAddPayload<T>(PayloadFactory<T> payloadFactory) =>
        this is T context ? context : ReceiveContext.GetOrAddPayload(payloadFactory);

    public override T AddOrUpdatePayload<T>(PayloadFactory<T> addFactory, UpdatePayloadFactory<T> updateFactory) =>
        this is T context ? context : ReceiveContext.AddOrUpdatePayload(addFactory, updateFactory);

    public override bool HasMessageType(Type messageType)
    {
        lock (_gate)
        {
            if (TryGetCached(messageType, out var cached))
            {
                return cached is not null;
            }
        }

        return SerializerContext.IsSupportedMessageType(messageType);
    }

    public override bool TryGetMessage<T>([NotNullWhen(true)] out ConsumeContext<T>? consumeContext)
        where T : class
    {
        lock (_gate)
        {
            if (TryGetCached(typeof(T), out var cached))
            {
                consumeContext = cached as ConsumeContext<T>;
                return consumeContext is not null;
            }

            consumeContext = SerializerContext.TryGetMessage<T>(out var message) ? new MessageConsumeContext<T>(this, message!) : null;
            Cache(typeof(T), consumeContext);
            return consumeContext is not null;
        }
    }

    protected override Task GenerateFault<T>(ConsumeContext<T> context, Exception exception) => Task.CompletedTask;

    private bool TryGetCached(Type messageType, out ConsumeContext? context)
    {
        if (_firstType == messageType)
        {
            context = _firstContext;
            return true;
        }

        context = null;
        return _otherTypes is not null && _otherTypes.TryGetValue(messageType, out context);
    }

    private void Cache(Type messageType, ConsumeContext? context)
    {
        if (_firstType is null)
        {
            _firstType = messageType;
            _firstContext = context;
        }
        else
        {
            (_otherTypes ??= [])[messageType] = context;
        }
    }
}
