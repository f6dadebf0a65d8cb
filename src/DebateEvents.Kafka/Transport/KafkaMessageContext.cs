using System.Globalization;
using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Routing;
using MassTransit;

namespace DebateEvents.Kafka.Transport;

/// <summary>Message identity from the CloudEvents headers: <c>ce_id</c> is the MessageId, <c>correlation-id</c> the CorrelationId.</summary>
internal sealed class KafkaMessageContext : MessageContext
{
    private readonly ConsumeResult<byte[]?, byte[]> _result;
    private readonly ReceiveContext _receiveContext;

    public KafkaMessageContext(ConsumeResult<byte[]?, byte[]> result, ReceiveContext receiveContext)
    {
        _result = result;
        _receiveContext = receiveContext;
        MessageId = ReadGuid(CloudEventHeaders.Id) ?? StableId(result);
        CorrelationId = ReadGuid(CloudEventHeaders.CorrelationId);
        SentTime = DateTimeOffset.TryParse(ReadText(CloudEventHeaders.Time), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time.UtcDateTime
            : result.Message.Timestamp.UtcDateTime;
        SourceAddress = Uri.TryCreate(ReadText(CloudEventHeaders.Source), UriKind.Absolute, out var source) ? source : null;
    }

    public Guid? MessageId { get; }

    public Guid? RequestId => null;

    public Guid? CorrelationId { get; }

    public Guid? ConversationId => null;

    public Guid? InitiatorId => null;

    public DateTime? ExpirationTime => null;

    public Uri? SourceAddress { get; }

    public Uri? DestinationAddress => _receiveContext.InputAddress;

    public Uri? ResponseAddress => null;

    public Uri? FaultAddress => null;

    public DateTime? SentTime { get; }

    public MassTransit.Headers Headers => _receiveContext.TransportHeaders;

    public HostInfo Host => null!;

    private string? ReadText(string name) =>
        _result.Message.Headers is { } headers && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    private Guid? ReadGuid(string name) => Guid.TryParse(ReadText(name), out var id) ? id : null;

    /// <summary>Records without <c>ce_id</c> get an id derived from their position, so every redelivery shares it.</summary>
    private static Guid StableId(ConsumeResult<byte[]?, byte[]> result)
    {
        Span<byte> bytes = stackalloc byte[16];
        // FNV-1a: unlike HashCode it is the same in every process.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(result.Topic))
        {
            hash = (hash ^ b) * 16777619u;
        }

        BitConverter.TryWriteBytes(bytes, hash);
        BitConverter.TryWriteBytes(bytes[4..], result.Partition.Value);
        BitConverter.TryWriteBytes(bytes[8..], result.Offset.Value);
        return new Guid(bytes);
    }
}
