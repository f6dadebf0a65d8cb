using System.Collections.Concurrent;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>
/// What the test consumers did, shared by every host of one test: invocations in completion order,
/// successes, and the highest number of invocations that overlapped.
/// </summary>
public sealed class ProcessingLog
{
    private readonly ConcurrentQueue<ProcessedRecord> _attempts = new();
    private readonly ConcurrentQueue<ProcessedRecord> _succeeded = new();
    private int _running;
    private int _maxRunning;
    private int _poisonAttempts;

    /// <summary>Given a record and its attempt number (1 for the first), whether the consumer should throw.</summary>
    public Func<ProcessedRecord, int, bool> Fail { get; set; } = (_, _) => false;

    /// <summary>How long each invocation takes.</summary>
    public Func<ProcessedRecord, TimeSpan> Delay { get; set; } = _ => TimeSpan.Zero;

    public IReadOnlyCollection<ProcessedRecord> Attempts => _attempts;

    public IReadOnlyCollection<ProcessedRecord> Succeeded => _succeeded;

    public int MaxConcurrency => Volatile.Read(ref _maxRunning);

    /// <summary>How often a consumer was invoked with a poison message (each in-process retry counts).</summary>
    public int PoisonAttempts => Volatile.Read(ref _poisonAttempts);

    public void CountPoisonAttempt() => Interlocked.Increment(ref _poisonAttempts);

    public int AttemptsOf(string key, int sequence) => _attempts.Count(a => a.Key == key && a.Sequence == sequence);

    /// <summary>Logs an invocation, waits its <see cref="Delay"/> (cut short by <paramref name="cancellationToken"/>), then fails or succeeds.</summary>
    public async Task Record(ProcessedRecord record, CancellationToken cancellationToken = default)
    {
        var running = Interlocked.Increment(ref _running);
        var max = Volatile.Read(ref _maxRunning);
        while (running > max && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
            max = Volatile.Read(ref _maxRunning);
        }

        try
        {
            _attempts.Enqueue(record);
            var attempt = AttemptsOf(record.Key, record.Sequence);
            var delay = Delay(record);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            if (Fail(record, attempt))
            {
                throw new InvalidOperationException($"Refusing {record.Key}#{record.Sequence} on attempt {attempt}");
            }

            _succeeded.Enqueue(record with { At = DateTimeOffset.UtcNow });
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
