namespace DebateEvents.Kafka.Retry;

/// <summary>
/// Keys with records waiting in the retry topic. While a key is parked, its newer records are sent to
/// the retry topic behind the waiting one instead of overtaking it, so the key keeps its order; other
/// keys flow. The count lives in this process: after a rebalance the new owner starts with no parked keys.
/// </summary>
internal sealed class RetryKeyTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _parked = new(StringComparer.Ordinal);

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

    /// <summary>A record of <paramref name="key"/> was written to the retry topic.</summary>
    public void Park(byte[]? key)
    {
        if (key is null)
        {
            return;
        }

        lock (_gate)
        {
            var name = Convert.ToBase64String(key);
            _parked[name] = _parked.GetValueOrDefault(name) + 1;
        }
    }

    /// <summary>A record of <paramref name="key"/> read from the retry topic was settled.</summary>
    public void Release(byte[]? key)
    {
        if (key is null)
        {
            return;
        }

        lock (_gate)
        {
            var name = Convert.ToBase64String(key);
            if (_parked.TryGetValue(name, out var count))
            {
                if (count <= 1)
                {
                    _parked.Remove(name);
                }
                else
                {
                    _parked[name] = count - 1;
                }
            }
        }
    }
}
