namespace DebateEvents.Kafka.Tests.Support;

/// <summary>Faults for an endpoint's poll loop (its <c>PollFault</c> seam): each one armed is thrown by the next turn of the loop.</summary>
internal sealed class PollFaults
{
    private int _pending;

    /// <summary>Makes the next <paramref name="count"/> turns of the poll loop throw.</summary>
    public void Throw(int count) => Interlocked.Add(ref _pending, count);

    /// <summary>The seam: the fault to throw on this turn, or null.</summary>
    public Exception? Next()
    {
        var pending = Volatile.Read(ref _pending);
        while (pending > 0)
        {
            var seen = Interlocked.CompareExchange(ref _pending, pending - 1, pending);
            if (seen == pending)
            {
                return new InvalidOperationException("injected poll-loop fault");
            }

            pending = seen;
        }

        return null;
    }
}
