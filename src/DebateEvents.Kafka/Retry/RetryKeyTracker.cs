namespace DebateEvents.Kafka.Retry;

/// <summary>
/// Keys with records waiting in the retry topic, per retry-topic partition. While a key is parked, its
/// newer records are sent to the retry topic behind the waiting one instead of overtaking it, so the key
/// keeps its order; other keys flow. Partitions are forgotten when revoked and rebuilt from the retry
/// topic itself when assigned, so a new owner after a rebalance holds back the same keys.
/// </summary>
internal sealed class RetryKeyTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _parked = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, int>> _byPartition = [];

    public bool IsParked(byte[]? key)
    {
        if (key is null)
        {
            return false;
        }

        lock (_gate)
        {
            return _parked.Count > 0 && _parked.ContainsKey(Convert.ToBase64String(key));
        }
    }

    /// <summary>A record of <paramref name="key"/> is waiting in retry-topic partition <paramref name="partition"/>.</summary>
    public void Park(byte[]? key, int partition)
    {
        if (key is null)
        {
            return;
        }

        lock (_gate)
        {
            var name = Convert.ToBase64String(key);
            _parked[name] = _parked.GetValueOrDefault(name) + 1;
            if (!_byPartition.TryGetValue(partition, out var keys))
            {
                keys = new Dictionary<string, int>(StringComparer.Ordinal);
                _byPartition.Add(partition, keys);
            }

            keys[name] = keys.GetValueOrDefault(name) + 1;
        }
    }

    /// <summary>A record of <paramref name="key"/> read from retry-topic partition <paramref name="partition"/> was settled.</summary>
    public void Release(byte[]? key, int partition)
    {
        if (key is null)
        {
            return;
        }

        lock (_gate)
        {
            var name = Convert.ToBase64String(key);
            if (_byPartition.TryGetValue(partition, out var keys) && Decrement(keys, name, 1))
            {
                Decrement(_parked, name, 1);
            }
        }
    }

    /// <summary>Retry-topic partition <paramref name="partition"/> was revoked: its waiting records are another consumer's now.</summary>
    public void Forget(int partition)
    {
        lock (_gate)
        {
            if (!_byPartition.Remove(partition, out var keys))
            {
                return;
            }

            foreach (var (name, count) in keys)
            {
                Decrement(_parked, name, count);
            }
        }
    }

    private static bool Decrement(Dictionary<string, int> counts, string name, int by)
    {
        if (!counts.TryGetValue(name, out var count))
        {
            return false;
        }

        if (count <= by)
        {
            counts.Remove(name);
        }
        else
        {
            counts[name] = count - by;
        }

        return true;
    }
}
