using System.Collections.Concurrent;

namespace DebateEvents.Outbox.Tests.Support;

/// <summary>What in-process consumers saw, per host.</summary>
public sealed class ReceivedEvents
{
    public ConcurrentBag<Guid> Subscribed { get; } = [];

    public ConcurrentBag<Guid> InboxRuns { get; } = [];

    /// <summary>MessageIds the mediator's in-process consumers saw.</summary>
    public ConcurrentBag<Guid> Mediated { get; } = [];

    private int _consumeCompleted;

    public int ConsumeCompleted => Volatile.Read(ref _consumeCompleted);

    public void CountConsumeCompleted() => Interlocked.Increment(ref _consumeCompleted);

    private int _consumeFaults;

    public int ConsumeFaults => Volatile.Read(ref _consumeFaults);

    public void CountConsumeFault() => Interlocked.Increment(ref _consumeFaults);
}
