using Confluent.Kafka;
using MassTransit;
using MassTransit.Transports;

namespace DebateEvents.Kafka.Transport;

/// <summary>
/// MassTransit's view of one Kafka record whose body the endpoint already deserialized: the consume
/// context is attached as a payload, so the endpoint's deserialize filter passes it straight on.
/// </summary>
internal sealed class KafkaReceiveContext : BaseReceiveContext, IKafkaRecordContext
{
    private readonly ConsumeResult<byte[]?, byte[]> _result;

    public KafkaReceiveContext(ConsumeResult<byte[]?, byte[]> result, object message, Type messageType, string[] messageTypeUrns,
        TopicReceiveEndpointContext context)
        : base(false, context)
    {
        _result = result;
        GroupId = context.GroupId;
        Body = new BytesMessageBody(result.Message.Value ?? []);
        HeaderProvider = new RecordHeaderProvider(result.Message.Headers);
        var messageContext = new KafkaMessageContext(result, this);
        var consumeContext = new KafkaRecordConsumeContext(this, new RecordSerializerContext(message, messageType, messageTypeUrns, messageContext));
        AddOrUpdatePayload<ConsumeContext>(() => consumeContext, _ => consumeContext);
    }

    public override MessageBody Body { get; }

    public string Topic => _result.Topic;

    public int Partition => _result.Partition.Value;

    public long Offset => _result.Offset.Value;

    public byte[]? Key => _result.Message.Key;

    public string GroupId { get; }

    public Timestamp Timestamp => _result.Message.Timestamp;

    public Confluent.Kafka.Headers Headers => _result.Message.Headers ?? [];

    /// <summary>The raw record, for the dead-letter and retry writers.</summary>
    public ConsumeResult<byte[]?, byte[]> Record => _result;

    /// <summary>How many times a consumer was invoked for this record (in-process retries included).</summary>
    public int Attempts { get; set; }

    /// <summary>Set by the error filter once the record has been written to the retry or dead-letter topic.</summary>
    public bool SettledByErrorTopic { get; set; }

    protected override IHeaderProvider HeaderProvider { get; }
}
