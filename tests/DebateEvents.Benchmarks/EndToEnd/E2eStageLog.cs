using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using HdrHistogram;

namespace DebateEvents.Benchmarks.EndToEnd;

/// <summary>
/// The latency budget of a sample of events (one in four, by id): when each passed each stage of the pipeline,
/// and per stage the p50 and p99 of the time since the previous one. Stamps come from what the pipeline shows
/// without changes to it: the EF transaction interceptor (commits), the outbox's delivery observer (a row picked
/// up by the dispatcher, its broker acknowledgement in Unix milliseconds, its batch marked delivered) and the
/// processor (its receive context's age says when the key lane started the record; then the consumer itself).
/// </summary>
internal sealed class E2eStageLog
{
    /// <summary>The stages in pipeline order; each one's time is measured from the one before, Marked from Acked.</summary>
    public enum Stage
    {
        Committed,
        Picked,
        Acked,
        Marked,
        Received,
        Consumed,
        Processed,
    }

    private static readonly (string Name, Stage From, Stage To)[] Spans =
    [
        ("commit_pick", Stage.Committed, Stage.Picked),
        ("pick_ack", Stage.Picked, Stage.Acked),
        ("ack_mark", Stage.Acked, Stage.Marked),
        ("ack_receive", Stage.Acked, Stage.Received),
        ("receive_consume", Stage.Received, Stage.Consumed),
        ("consume_commit", Stage.Consumed, Stage.Processed),
    ];

    private const int StageCount = 7;
    private readonly ConcurrentDictionary<Guid, long[]> _inFlight = new();
    private readonly LongHistogram[] _histograms = Spans.Select(_ => new LongHistogram(TimeSpan.FromMinutes(10).Ticks / 10, 3)).ToArray();

    // Unix milliseconds (the outbox's acknowledgement times) to Stopwatch ticks, anchored once.
    private readonly long _anchorTicks = Stopwatch.GetTimestamp();
    private readonly long _anchorUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static bool Sampled(Guid id) => (id.GetHashCode() & 3) == 0;

    /// <summary>Stopwatch ticks of the moment <paramref name="elapsed"/> ago.</summary>
    public static long Ago(TimeSpan elapsed) => Stopwatch.GetTimestamp() - (long)(elapsed.TotalSeconds * Stopwatch.Frequency);

    public void Stamp(Guid id, Stage stage) => Stamp(id, stage, Stopwatch.GetTimestamp());

    public void StampUnixMs(Guid id, Stage stage, long unixMs) =>
        Stamp(id, stage, _anchorTicks + (unixMs - _anchorUnixMs) * Stopwatch.Frequency / 1000);

    public void Stamp(Guid id, Stage stage, long ticks)
    {
        if (!Sampled(id))
        {
            return;
        }

        var stamps = _inFlight.GetOrAdd(id, _ => new long[StageCount]);
        Interlocked.Exchange(ref stamps[(int)stage], ticks);
        if (AllSet(stamps) && _inFlight.TryRemove(id, out _))
        {
            Record(stamps);
        }
    }

    private static bool AllSet(long[] stamps)
    {
        for (var i = 0; i < stamps.Length; i++)
        {
            if (Volatile.Read(ref stamps[i]) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Starts a new phase: forgets the stamps and stage times so far.</summary>
    public void Reset()
    {
        lock (_histograms)
        {
            _inFlight.Clear();
            foreach (var histogram in _histograms)
            {
                histogram.Reset();
            }
        }
    }

    /// <summary>The <c>RESULT e2e-stages</c> line: per stage the p50 and p99 in milliseconds, and how many events were sampled.</summary>
    public string ResultLine(string label)
    {
        var line = new StringBuilder("RESULT e2e-stages offered=").Append(label);
        lock (_histograms)
        {
            for (var i = 0; i < Spans.Length; i++)
            {
                line.Append(CultureInfo.InvariantCulture, $" {Spans[i].Name}_p50_ms={_histograms[i].GetValueAtPercentile(50) / 1000.0:0.00}");
                line.Append(CultureInfo.InvariantCulture, $" {Spans[i].Name}_p99_ms={_histograms[i].GetValueAtPercentile(99) / 1000.0:0.00}");
            }

            line.Append(CultureInfo.InvariantCulture, $" sampled={_histograms[0].TotalCount}");
        }

        return line.ToString();
    }

    private void Record(long[] stamps)
    {
        lock (_histograms)
        {
            for (var i = 0; i < Spans.Length; i++)
            {
                // Stamps from different threads can cross by a hair (the dispatcher may see a row before the publisher's interceptor runs).
                var ticks = Math.Max(0, stamps[(int)Spans[i].To] - stamps[(int)Spans[i].From]);
                _histograms[i].RecordValue(Math.Max(1, ticks * 1_000_000 / Stopwatch.Frequency));
            }
        }
    }
}
