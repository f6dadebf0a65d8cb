using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace DebateEvents.Benchmarks;

/// <summary>
/// Counts the runtime's allocation samples (one event per about 100 KB allocated, naming the type that crossed
/// the mark) by type, so a scenario can print which types a round allocated per record; an estimate, not a census.
/// </summary>
internal sealed class AllocationTypeListener : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    /// <summary>The listener of the running scenario, if it was asked for.</summary>
    public static AllocationTypeListener? Current { get; set; }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not null && e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) && e.Payload is not null)
        {
            var type = e.PayloadNames!.IndexOf("TypeName") is var i and >= 0 ? e.Payload[i] as string ?? "?" : "?";
            _bytes.AddOrUpdate(type, 100_000, (_, v) => v + 100_000);
        }
    }

    /// <summary>Forgets the samples so far: a round starts.</summary>
    public void Reset() => _bytes.Clear();

    /// <summary>Prints the 40 types with the most sampled bytes, per record.</summary>
    public void Print(long records)
    {
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(40))
        {
            Console.WriteLine($"alloc {bytes / (double)records,8:0.0} B/record  {type}");
        }
    }
}
