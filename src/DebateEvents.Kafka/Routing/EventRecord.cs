using System.Text;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Routing;

/// <summary>
/// A fully serialized Kafka record for one event: topic, key, value and headers, fixed at the moment
/// the event was published. The outbox stores exactly this; the producer sends exactly this.
/// </summary>
public sealed class EventRecord
{
    /// <summary>Creates a record.</summary>
    public EventRecord(string topic, byte[]? key, byte[] value, IReadOnlyList<KeyValuePair<string, byte[]>> headers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(headers);
        Topic = topic;
        Key = key;
        Value = value;
        Headers = headers;
    }

    /// <summary>The destination topic.</summary>
    public string Topic { get; }

    /// <summary>UTF-8 record key (the ordering key); null leaves the partition to librdkafka's partitioner, with no order kept.</summary>
    public byte[]? Key { get; }

    /// <summary>The serialized event body.</summary>
    public byte[] Value { get; }

    /// <summary>CloudEvents and tracing headers, in write order.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Headers { get; }

    /// <summary>The value of the first header named <paramref name="name"/> as UTF-8 text, or null.</summary>
    public string? GetHeader(string name)
    {
        foreach (var header in Headers)
        {
            if (header.Key == name)
            {
                return Encoding.UTF8.GetString(header.Value);
            }
        }

        return null;
    }

    /// <summary>A Confluent.Kafka message with this record's key, value and headers.</summary>
    public Message<byte[]?, byte[]> ToMessage()
    {
        var headers = new Headers();
        foreach (var header in Headers)
        {
            headers.Add(header.Key, header.Value);
        }

        return new Message<byte[]?, byte[]> { Key = Key, Value = Value, Headers = headers };
    }
}
