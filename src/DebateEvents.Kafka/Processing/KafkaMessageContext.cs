using System.Globalization;
using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Routing;
using MassTransit;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Message identity from the CloudEvents headers: <c>ce_id</c> is the MessageId, <c>correlation-id</c> the CorrelationId.
/// A request's <c>request-id</c> is the RequestId and its <c>reply-to</c> topic the ResponseAddress, which is what
/// <c>RespondAsync</c> sends to.
/// </summary>
internal sealed class KafkaMessageContext : MessageContext
{
    private const int MaxTimeChars = 64;
    private readonly ConsumeResult<byte[]?, byte[]> _result;
    private readonly ReceiveContext _receiveContext;
    private Guid? _messageId;
    private Guid? _correlationId;
    private bool _correlationRead;
    private DateTime? _sentTime;
    private Uri? _sourceAddress;
    private bool _sourceRead;

    public KafkaMessageContext(ConsumeResult<byte[]?, byte[]> result, ReceiveContext receiveContext)
    {
        _result = result;
        _receiveContext = receiveContext;
    }

    // Headers are parsed on first use: most consumers never ask, and parsing every record costs throughput.
    public Guid? MessageId => _messageId ??= ReadGuid(CloudEventHeaders.Id) ?? StableId(_result);

    public Guid? RequestId => ReadGuid(ReplyHeaders.RequestId);

    public Guid? CorrelationId
    {
        get
        {
            if (!_correlationRead)
            {
                _correlationId = ReadGuid(CloudEventHeaders.CorrelationId);
                _correlationRead = true;
            }

            return _correlationId;
        }
    }

    public Guid? ConversationId => null;

    public Guid? InitiatorId => null;

    public DateTime? ExpirationTime => null;

    public Uri? SourceAddress
    {
        get
        {
            if (!_sourceRead)
            {
                _sourceAddress = Uri.TryCreate(ReadText(CloudEventHeaders.Source), UriKind.Absolute, out var source) ? source : null;
                _sourceRead = true;
            }

            return _sourceAddress;
        }
    }

    public Uri? DestinationAddress => _receiveContext.InputAddress;

    public Uri? ResponseAddress => ReadText(ReplyHeaders.ReplyTo) is { Length: > 0 } topic ? KafkaTopicAddress.For(topic) : null;

    public Uri? FaultAddress => null;

    public DateTime? SentTime => _sentTime ??= ReadTime(CloudEventHeaders.Time) ?? _result.Message.Timestamp.UtcDateTime;

    public MassTransit.Headers Headers => _receiveContext.TransportHeaders;

    public HostInfo Host => null!;

    private string? ReadText(string name) => _result.Message.Headers.GetText(name);

    private Guid? ReadGuid(string name) => ReadBytes(name, out var bytes) && Guid.TryParse(bytes, out var id) ? id : null;

    private DateTime? ReadTime(string name)
    {
        // An RFC 3339 time is about 30 characters: decode it on the stack instead of into a string.
        if (!ReadBytes(name, out var bytes) || bytes.Length > MaxTimeChars)
        {
            return null;
        }

        Span<char> text = stackalloc char[MaxTimeChars];
        var length = Encoding.UTF8.GetChars(bytes, text);
        return DateTimeOffset.TryParse(text[..length], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time.UtcDateTime
            : null;
    }

    private bool ReadBytes(string name, out byte[] bytes) => _result.Message.Headers.TryGetBytes(name, out bytes);

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
