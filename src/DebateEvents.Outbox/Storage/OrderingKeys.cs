using System.Text;

namespace DebateEvents.Outbox.Storage;

/// <summary>Derives a row's ordering key and lease bucket from its topic and record key.</summary>
internal static class OrderingKeys
{
    /// <summary>
    /// Topic and key text. A record without a key has no ordering promise on Kafka (round-robin), so
    /// it gets a key of its own and never waits for other rows.
    /// </summary>
    public static string For(string topic, byte[]? key, Guid eventId) =>
        key is null ? $"{topic}\n#{eventId:N}" : $"{topic}\n{Encoding.UTF8.GetString(key)}";

    /// <summary>A stable FNV-1a hash of the ordering key, folded into <paramref name="buckets"/> buckets.</summary>
    public static int Bucket(string orderingKey, int buckets)
    {
        var hash = 2166136261u;
        foreach (var ch in orderingKey)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % (uint)buckets);
    }
}
