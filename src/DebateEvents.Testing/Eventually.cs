namespace DebateEvents.Testing;

/// <summary>Waits for an outcome with a deadline, and fails with a description of what was missing.</summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds.</summary>
    /// <exception cref="TimeoutException">The deadline passed first; the message says what <paramref name="missing"/> describes.</exception>
    public static Task Until(Func<bool> condition, TimeSpan timeout, Func<string> missing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Until(() => Task.FromResult(condition()), timeout, missing, cancellationToken);
    }

    /// <summary>Polls an asynchronous <paramref name="condition"/> until it holds.</summary>
    /// <exception cref="TimeoutException">The deadline passed first; the message says what <paramref name="missing"/> describes.</exception>
    public static async Task Until(Func<Task<bool>> condition, TimeSpan timeout, Func<string> missing, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(missing);
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s: {missing()}");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
