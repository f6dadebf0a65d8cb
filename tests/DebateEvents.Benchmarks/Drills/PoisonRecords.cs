using System.Text;
using Confluent.Kafka;
using DebateEvents.Testing;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// Records made straight for Kafka from two the host wrote itself (a DebateInitiated and an ArgumentSubmitted of the
/// load): good ones (a new debate: the template with a fresh debate id and <c>ce_id</c>) and three kinds of poison:
/// corrupt bytes, an unknown <c>ce_type</c>, and an argument for a debate never opened, which the debate processor
/// rejects until the debate exists (the fix the drill applies before replaying it).
/// </summary>
internal sealed class PoisonRecords(TopicRecord opening, Guid openingDebate, TopicRecord argument, Guid argumentDebate, Random random)
{
    public const string Corrupt = "corrupt";
    public const string UnknownType = "unknown-type";
    public const string Rejected = "rejected";

    public (Message<byte[], byte[]> Message, Guid EventId, Guid DebateId) Good() => Copy(opening, openingDebate, "zamaz.debate.events.DebateInitiated");

    public (Message<byte[], byte[]> Message, Guid EventId, Guid DebateId) Poison(string kind)
    {
        var (message, eventId, debateId) = kind == Rejected
            ? Copy(argument, argumentDebate, null)
            : Copy(opening, openingDebate, kind == UnknownType ? "zamaz.debate.events.NoSuchEvent" : null);
        if (kind == Corrupt)
        {
            // Keep the magic byte and schema id half the time, so both the frame and the body get broken.
            var keep = random.Next(2) == 0 ? 5 : 0;
            random.NextBytes(message.Value.AsSpan(keep));
        }

        return (message, eventId, debateId);
    }

    private (Message<byte[], byte[]> Message, Guid EventId, Guid DebateId) Copy(TopicRecord template, Guid templateDebate, string? type)
    {
        var debateId = Guid.NewGuid();
        var eventId = Guid.NewGuid();
        var headers = new Headers();
        foreach (var header in template.Headers)
        {
            var value = header.Key switch
            {
                "ce_id" => Encoding.UTF8.GetBytes(eventId.ToString()),
                "ce_type" when type is not null => Encoding.UTF8.GetBytes(type),
                _ => header.GetValueBytes(),
            };
            headers.Add(header.Key, value);
        }

        var message = new Message<byte[], byte[]>
        {
            Key = Encoding.UTF8.GetBytes(debateId.ToString()),
            Value = Replace(template.Value, templateDebate, debateId),
            Headers = headers,
        };
        return (message, eventId, debateId);
    }

    // The debate id is an Avro string of fixed length (a uuid), so swapping its text keeps the body valid.
    private static byte[] Replace(byte[] body, Guid from, Guid to)
    {
        var copy = (byte[])body.Clone();
        var old = Encoding.UTF8.GetBytes(from.ToString());
        var at = copy.AsSpan().IndexOf(old);
        if (at < 0)
        {
            throw new InvalidOperationException($"The template body does not hold its debate id {from} as text.");
        }

        Encoding.UTF8.GetBytes(to.ToString()).CopyTo(copy, at);
        return copy;
    }
}
