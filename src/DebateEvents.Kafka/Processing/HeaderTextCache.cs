using System.Text;
using Confluent.Kafka;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Kafka.Processing;

/// <summary>
/// Decodes short, repetitive header values (<c>ce_type</c>, <c>content-type</c>) without allocating or
/// hashing per record: a record's bytes are compared with the few values seen before, and only a new
/// value is decoded. Bounded, so a stream of distinct junk values cannot grow it without limit.
/// </summary>
internal sealed class HeaderTextCache
{
    private const int MaxEntries = 64;
    private Entry[] _entries = [];

    /// <summary>The last value of header <paramref name="name"/>, or null when the record has none.</summary>
    public string? Read(Headers? headers, string name)
    {
        if (!headers.TryGetBytes(name, out var bytes))
        {
            return null;
        }

        var entries = Volatile.Read(ref _entries);
        foreach (var entry in entries)
        {
            if (bytes.AsSpan().SequenceEqual(entry.Bytes))
            {
                return entry.Text;
            }
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (entries.Length < MaxEntries)
        {
            // Copy on write: readers never lock. A racing writer may win; the value is then added on a later read.
            Interlocked.CompareExchange(ref _entries, [.. entries, new Entry(bytes.ToArray(), text)], entries);
        }

        return text;
    }

    private sealed record Entry(byte[] Bytes, string Text);
}
