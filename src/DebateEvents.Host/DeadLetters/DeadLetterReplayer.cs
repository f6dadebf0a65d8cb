using Confluent.Kafka;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Retry;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Host.DeadLetters;

/// <summary>
/// Sends dead letters back to their source topic through the rider's producer: original key, value and headers
/// (so the same <c>ce_id</c>, which the inbox de-duplicates), without the failure and retry headers, plus a marker
/// naming the dead letter it came from. A replay that fails again is dead-lettered again by the topic endpoint.
/// </summary>
internal sealed class DeadLetterReplayer(DeadLetterReader reader, IEventRecordProducer producer)
{
    /// <summary>The header naming the dead letter a replayed record came from, as <c>{partition}/{offset}</c>.</summary>
    public const string ReplayedFromHeader = "debate-events-replayed-from";

    /// <summary>The dead letters <paramref name="request"/> names, read from <paramref name="deadLetterTopic"/>; missing ones listed apart.</summary>
    public async Task<(List<ConsumeResult<byte[]?, byte[]>> Found, List<RecordPosition> Missing)> SelectAsync(
        string deadLetterTopic, int partitions, ReplayRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var wanted = (request.Offsets ?? []).ToHashSet();
        var byPartition = wanted.GroupBy(p => p.Partition).ToDictionary(g => g.Key, g => (From: g.Min(p => p.Offset), Until: g.Max(p => p.Offset) + 1));
        var records = await reader.ReadAsync(deadLetterTopic, request.All ? Enumerable.Range(0, partitions) : byPartition.Keys,
            (partition, marks) => request.All ? (marks.Low.Value, marks.High.Value) : byPartition[partition], cancellationToken);
        if (request.All)
        {
            return (records, []);
        }

        var found = records.Where(r => wanted.Contains(new RecordPosition(r.Partition.Value, r.Offset.Value))).ToList();
        var missing = wanted.Except(found.Select(r => new RecordPosition(r.Partition.Value, r.Offset.Value))).OrderBy(p => p.Partition).ThenBy(p => p.Offset).ToList();
        return (found, missing);
    }

    /// <summary>Replays <paramref name="records"/> in order, each acknowledged before the next is sent.</summary>
    public async Task<List<Replayed>> ReplayAsync(string sourceTopic, IEnumerable<ConsumeResult<byte[]?, byte[]>> records, CancellationToken cancellationToken)
    {
        var replayed = new List<Replayed>();
        foreach (var record in records)
        {
            var from = new RecordPosition(record.Partition.Value, record.Offset.Value);
            var receipt = await producer.Produce(new EventRecord(sourceTopic, record.Message.Key, record.Message.Value, Headers(record, from)), cancellationToken);
            replayed.Add(new Replayed(from, receipt.Topic, new RecordPosition(receipt.Partition, receipt.Offset)));
        }

        return replayed;
    }

    private static List<KeyValuePair<string, byte[]>> Headers(ConsumeResult<byte[]?, byte[]> record, RecordPosition from)
    {
        var headers = (record.Message.Headers ?? [])
            .Where(h => !IsFailureHeader(h.Key))
            .Select(h => KeyValuePair.Create(h.Key, h.GetValueBytes()))
            .ToList();
        headers.Add(KeyValuePair.Create(ReplayedFromHeader, System.Text.Encoding.UTF8.GetBytes($"{from.Partition}/{from.Offset}")));
        return headers;
    }

    // Retry headers go too: a replay starts over with the endpoint's full retry policy instead of counting as a later attempt.
    private static bool IsFailureHeader(string name) =>
        name.StartsWith("dlt-", StringComparison.Ordinal) || name == ReplayedFromHeader
        || name is RetryTopicHeaders.Attempt or RetryTopicHeaders.DueAt or RetryTopicHeaders.ConsumerAttempts or RetryTopicHeaders.Origin;
}
