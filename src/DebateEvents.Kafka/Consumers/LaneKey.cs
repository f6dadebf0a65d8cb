namespace DebateEvents.Kafka.Consumers;

/// <summary>
/// Identifies a lane: records with equal keys share one and run in poll order. Keyless records fall
/// back to one lane per topic-partition, keeping the order Kafka itself promises them.
/// </summary>
internal readonly struct LaneKey : IEquatable<LaneKey>
{
    private readonly byte[]? _key;
    private readonly string? _topic;
    private readonly int _partition;
    private readonly int _hash;

    public LaneKey(byte[]? key, string topic, int partition)
    {
        _key = key;
        if (key is null)
        {
            _topic = topic;
            _partition = partition;
            _hash = HashCode.Combine(topic, partition);
        }
        else
        {
            _topic = null;
            _partition = -1;
            var hash = new HashCode();
            hash.AddBytes(key);
            _hash = hash.ToHashCode();
        }
    }

    public bool Equals(LaneKey other) =>
        _hash == other._hash
        && (_key is null
            ? other._key is null && _partition == other._partition && _topic == other._topic
            : other._key is not null && _key.AsSpan().SequenceEqual(other._key));

    public override bool Equals(object? obj) => obj is LaneKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
