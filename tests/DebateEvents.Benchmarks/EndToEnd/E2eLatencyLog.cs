using System.Collections.Concurrent;
using System.Diagnostics;
using HdrHistogram;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>
/// Commit-to-processed latency of a phase in microseconds. Holds only the events in flight (committed, not yet
/// processed), so a long soak does not grow it; an event processed twice counts once.
/// </summary>
internal sealed class E2eLatencyLog
{
    private readonly ConcurrentDictionary<Guid, long> _committed = new();
    private readonly ConcurrentDictionary<Guid, long> _processedFirst = new();
    private readonly LongHistogram _histogram = new(TimeSpan.FromMinutes(10).Ticks / 10, 3);
    private int _processed;
    private long _lastProcessedAt;

    public int ProcessedCount => Volatile.Read(ref _processed);

    /// <summary>When the last event was processed (Stopwatch ticks).</summary>
    public long LastProcessedAt => Volatile.Read(ref _lastProcessedAt);

    public void Committed(Guid id)
    {
        var now = Stopwatch.GetTimestamp();
        // The processor's commit can be stamped a moment before the publisher's: then the two times are both known now.
        if (_processedFirst.TryRemove(id, out var processedAt))
        {
            Record(now, processedAt);
        }
        else
        {
            _committed[id] = now;
        }
    }

    public void Processed(Guid id)
    {
        var now = Stopwatch.GetTimestamp();
        if (_committed.TryRemove(id, out var committedAt))
        {
            Record(committedAt, now);
        }
        else
        {
            _processedFirst.TryAdd(id, now);
        }
    }

    /// <summary>Starts a new phase: forgets the counts and latencies so far.</summary>
    public void Reset()
    {
        lock (_histogram)
        {
            _committed.Clear();
            _processedFirst.Clear();
            _histogram.Reset();
            _processed = 0;
        }
    }

    public async Task WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (ProcessedCount < count)
        {
            if (watch.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {ProcessedCount} of {count} events were processed within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(5, cancellationToken);
        }
    }

    public HistogramBase Snapshot()
    {
        lock (_histogram)
        {
            return _histogram.Copy();
        }
    }

    private void Record(long committedAt, long processedAt)
    {
        var micros = Math.Max(1, (long)Stopwatch.GetElapsedTime(committedAt, processedAt).TotalMicroseconds);
        lock (_histogram)
        {
            _histogram.RecordValue(micros);
            _processed++;
            _lastProcessedAt = processedAt;
        }
    }
}
