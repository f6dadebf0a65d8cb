using System.Globalization;
using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.DeadLetter;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Host.DeadLetters;

/// <summary>A dead-lettered record as <c>GET /kafka/dead-letters/{topic}</c> shows it: where it is, why it failed, and its event.</summary>
internal sealed record DeadLetterView
{
    /// <summary>Partition of the dead-letter topic.</summary>
    public required int Partition { get; init; }

    /// <summary>Offset in that partition; what a replay names.</summary>
    public required long Offset { get; init; }

    /// <summary>The record key as UTF-8 text.</summary>
    public string? Key { get; init; }

    /// <summary>The original headers (every header but the <c>dlt-*</c> failure ones), as UTF-8 text.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Why it was dead-lettered: consumer-faulted, unknown-type or undeserializable.</summary>
    public string? Reason { get; init; }

    /// <summary>The exception type.</summary>
    public string? ExceptionType { get; init; }

    /// <summary>The exception message.</summary>
    public string? ExceptionMessage { get; init; }

    /// <summary>The truncated stack trace.</summary>
    public string? ExceptionStackTrace { get; init; }

    /// <summary>The topic the record was consumed from.</summary>
    public string? SourceTopic { get; init; }

    /// <summary>Its partition there.</summary>
    public int? SourcePartition { get; init; }

    /// <summary>Its offset there.</summary>
    public long? SourceOffset { get; init; }

    /// <summary>The consumer group that gave up on it.</summary>
    public string? ConsumerGroup { get; init; }

    /// <summary>How often a consumer was invoked.</summary>
    public int? Attempts { get; init; }

    /// <summary>When it was dead-lettered.</summary>
    public DateTimeOffset? FailedAt { get; init; }

    /// <summary>The event, decoded, or its raw bytes with the decode error.</summary>
    public required DecodedBody Body { get; init; }

    /// <summary>Builds the view of one record, decoding its body.</summary>
    public static async Task<DeadLetterView> FromAsync(ConsumeResult<byte[]?, byte[]> record, DeadLetterBodyDecoder decoder, CancellationToken cancellationToken)
    {
        var headers = record.Message.Headers ?? [];
        string? Text(string name) => headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
        return new DeadLetterView
        {
            Partition = record.Partition.Value,
            Offset = record.Offset.Value,
            Key = record.Message.Key is { } key ? Encoding.UTF8.GetString(key) : null,
            Headers = headers.Where(h => !h.Key.StartsWith("dlt-", StringComparison.Ordinal))
                .GroupBy(h => h.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes()), StringComparer.Ordinal),
            Reason = Text(DeadLetterHeaders.Reason),
            ExceptionType = Text(DeadLetterHeaders.ExceptionType),
            ExceptionMessage = Text(DeadLetterHeaders.ExceptionMessage),
            ExceptionStackTrace = Text(DeadLetterHeaders.ExceptionStackTrace),
            SourceTopic = Text(DeadLetterHeaders.SourceTopic),
            SourcePartition = Number(Text(DeadLetterHeaders.SourcePartition)) is { } partition ? (int)partition : null,
            SourceOffset = Number(Text(DeadLetterHeaders.SourceOffset)),
            ConsumerGroup = Text(DeadLetterHeaders.ConsumerGroup),
            Attempts = Number(Text(DeadLetterHeaders.Attempts)) is { } attempts ? (int)attempts : null,
            FailedAt = DateTimeOffset.TryParse(Text(DeadLetterHeaders.FailedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
            Body = await decoder.DecodeAsync(record.Message.Value, Text(CloudEventHeaders.Type), Text(CloudEventHeaders.ContentType), cancellationToken),
        };
    }

    private static long? Number(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
