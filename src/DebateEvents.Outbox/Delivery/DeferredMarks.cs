using System.Diagnostics;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Delivery;

/// <summary>
/// Batches the broker acknowledged whose delivery mark is still to be written. While marks queue for the database's
/// writer (on SQLite one writer, behind the publishers' commits), the dispatcher marks several batches in one write
/// transaction instead of one each. The next load leaves these rows out, so none is sent twice while it
/// waits; a crash before the mark re-sends them on restart, as a crash between produce and mark always has.
/// </summary>
internal sealed class DeferredMarks
{
    /// <summary>
    /// A mark that took this long queued for the database's writer behind the publishers' commits: the dispatcher then
    /// defers the next marks. A mark on an idle database takes a fraction of this, so at low rates nothing is deferred.
    /// </summary>
    public static readonly TimeSpan BusyWriter = TimeSpan.FromMilliseconds(2);

    /// <summary>How many acknowledged rows may wait for their mark: each load reads past them again.</summary>
    public const int MaxRows = 256;

    /// <summary>How long an acknowledged batch may wait for its mark while new rows keep arriving.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMilliseconds(20);

    private readonly List<OutboxMessage> _rows = [];
    private readonly List<OutboxDelivery> _results = [];
    private readonly HashSet<long> _sequenceNumbers = [];
    private readonly List<(int Start, int Count)> _batches = [];
    private long _firstAt;

    /// <summary>Sequence numbers of the rows waiting for their mark.</summary>
    public IReadOnlySet<long> SequenceNumbers => _sequenceNumbers;

    public int Count => _rows.Count;

    /// <summary>Whether the oldest batch has waited <see cref="MaxAge"/> or <paramref name="maxRows"/> rows wait.</summary>
    public bool IsDue(int maxRows) => _rows.Count >= maxRows || (_rows.Count > 0 && Stopwatch.GetElapsedTime(_firstAt) >= MaxAge);

    public void Add(IReadOnlyList<OutboxMessage> rows, IReadOnlyList<OutboxDelivery> results)
    {
        if (_rows.Count == 0)
        {
            _firstAt = Stopwatch.GetTimestamp();
        }

        _batches.Add((_rows.Count, rows.Count));
        _rows.AddRange(rows);
        _results.AddRange(results);
        foreach (var row in rows)
        {
            _sequenceNumbers.Add(row.SequenceNumber);
        }
    }

    /// <summary>Every waiting row and its result, in the order they were sent, for one mark transaction.</summary>
    public (List<OutboxMessage> Rows, OutboxDelivery[] Results) All() => ([.. _rows], [.. _results]);

    /// <summary>The batches as they were sent, for the delivery observers.</summary>
    public IEnumerable<(List<OutboxMessage> Rows, List<OutboxDelivery> Results)> Batches() =>
        _batches.Select(b => (_rows.GetRange(b.Start, b.Count), _results.GetRange(b.Start, b.Count)));

    public void Clear()
    {
        _rows.Clear();
        _results.Clear();
        _sequenceNumbers.Clear();
        _batches.Clear();
    }
}
