using System.Text;
using Confluent.Kafka;

namespace DebateEvents.Testing;

/// <summary>One record read back from a topic.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="Offset">The record's offset in its partition.</param>
/// <param name="Key">The key's bytes, or null.</param>
/// <param name="Value">The value's bytes.</param>
/// <param name="Headers">The headers, in order.</param>
/// <param name="Timestamp">The record's timestamp.</param>
public sealed record TopicRecord(string Topic, int Partition, long Offset, byte[]? Key, byte[] Value, Headers Headers, DateTimeOffset Timestamp)
{
    /// <summary>The key as UTF-8 text, or null.</summary>
    public string? KeyText => Key is null ? null : Encoding.UTF8.GetString(Key);

    /// <summary>The last value of header <paramref name="name"/> as UTF-8 text, or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
