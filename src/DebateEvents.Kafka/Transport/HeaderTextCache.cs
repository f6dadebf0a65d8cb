using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Transport;

/// <summary>
/// Decodes short, repetitive header values (<c>ce_type</c>, <c>content-type</c>) without allocating a
/// string per record: a record's bytes are decoded on the stack and looked up among the values seen
/// before. Bounded, so a stream of distinct junk values cannot grow it without limit.
/// </summary>
internal sealed class HeaderTextCache
{
    private const int MaxStackChars = 256;
    private const int MaxEntries = 1024;
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public HeaderTextCache()
    {
        _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The last value of header <paramref name="name"/>, or null when the record has none.</summary>
    public string? Read(Headers? headers, string name)
    {
        if (headers is null || !headers.TryGetLastBytes(name, out var bytes))
        {
            return null;
        }

        if (bytes.Length > MaxStackChars)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        Span<char> chars = stackalloc char[MaxStackChars];
        var length = Encoding.UTF8.GetChars(bytes, chars);
        var text = chars[..length];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var value = text.ToString();
        if (_values.Count < MaxEntries)
        {
            _values.TryAdd(value, value);
        }

        return value;
    }
}
