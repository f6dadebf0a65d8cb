namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>Counts consumed events and completes <see cref="Done"/> when the expected number arrived.</summary>
public sealed class RiderConsumeCounter
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public int Expected { get; set; } = int.MaxValue;

    public Task Done => _done.Task;

    public int Count => Volatile.Read(ref _count);

    /// <summary>The count when timing started.</summary>
    public int StartedAt { get; set; }

    public void Increment()
    {
        if (Interlocked.Increment(ref _count) == Expected)
        {
            _done.TrySetResult();
        }
    }
}
