using System.Text;
using Confluent.Kafka;
using DebateEvents.Host.DeadLetters;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Host.Topics;

/// <summary>A record as <c>GET /kafka/topics/{name}/records</c> shows it: where it is, its key and headers, and its event decoded.</summary>
internal sealed record RecordView(int Partition, long Offset, DateTimeOffset Timestamp, string? Key, IReadOnlyDictionary<string, string> Headers, DecodedBody Body)
{
    /// <summary>Builds the view of one record, decoding its body through the schema registry.</summary>
    public static async Task<RecordView> FromAsync(ConsumeResult<byte[]?, byte[]> record, DeadLetterBodyDecoder decoder, CancellationToken cancellationToken)
    {
        var headers = (record.Message.Headers ?? []).GroupBy(h => h.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Encoding.UTF8.GetString(g.Last().GetValueBytes()), StringComparer.Ordinal);
        return new RecordView(
            record.Partition.Value,
            record.Offset.Value,
            record.Message.Timestamp.UtcDateTime,
            record.Message.Key is { } key ? Encoding.UTF8.GetString(key) : null,
            headers,
            await decoder.DecodeAsync(record.Message.Value ?? [], headers.GetValueOrDefault(CloudEventHeaders.Type),
                headers.GetValueOrDefault(CloudEventHeaders.ContentType), cancellationToken));
    }
}
