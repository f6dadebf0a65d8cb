using System.Collections.Concurrent;
using Zamaz.Debate.Events;

namespace DebateEvents.Samples.OwnConsumer;

/// <summary>What the auditor saw; completes once it has seen as many arguments as expected.</summary>
public sealed class AuditTrail(int expected)
{
    private readonly ConcurrentQueue<ArgumentSubmitted> _arguments = new();
    private readonly TaskCompletionSource _complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyCollection<ArgumentSubmitted> Arguments => _arguments;

    public Task Complete => _complete.Task;

    public void Add(ArgumentSubmitted argument)
    {
        _arguments.Enqueue(argument);
        if (_arguments.Count >= expected)
        {
            _complete.TrySetResult();
        }
    }
}
