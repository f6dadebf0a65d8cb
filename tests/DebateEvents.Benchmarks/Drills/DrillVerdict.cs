using System.Globalization;
using DebateEvents.Testing;
using DebateEvents.Testing.Drills;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// Reconciles every accepted event id at the end of a drill: exactly once in the processors' effects (the audit of
/// the host's database: inbox, read models), at least once on its topic (read back from the broker), in per-key
/// order; and writes the drill's RESULT line.
/// </summary>
internal sealed class DrillVerdict
{
    private readonly List<string> _problems;
    private readonly List<string> _extraFailures = [];
    private readonly SortedDictionary<string, string> _fields = new(StringComparer.Ordinal);

    private DrillVerdict(int accepted, List<string> problems)
    {
        Accepted = accepted;
        _problems = problems;
    }

    public int Accepted { get; }

    public static async Task<DrillVerdict> ReconcileAsync(DrillEnvironment environment, IReadOnlyCollection<PostedEvent> posted, TimeSpan settle)
    {
        var audit = new ExactlyOnceAudit(posted, environment.Database, WebhookAudit.Requested);
        var problems = await audit.SettleAsync(settle);
        var onTopics = new HashSet<Guid>();
        foreach (var topic in new[] { "debate-events", "decision-events" })
        {
            foreach (var record in TopicReader.ReadAll(environment.Broker.BootstrapServers, $"{DrillEnvironment.Prefix}.{topic}", TimeSpan.FromSeconds(120)))
            {
                if (Guid.TryParse(record.Header("ce_id"), out var id))
                {
                    onTopics.Add(id);
                }
            }
        }

        problems.AddRange(posted.Where(p => p.Accepted && !onTopics.Contains(p.EventId!.Value)).Select(p => $"missing on topic: {p.Type} {p.EventId}"));
        return new DrillVerdict(posted.Count(p => p.Accepted), problems);
    }

    public IReadOnlyList<string> Problems => _problems;

    public DrillVerdict With(string name, object value)
    {
        _fields[name] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
        return this;
    }

    /// <summary>Fails the drill for a reason of its own (a 5xx, a stall, a health state never reached).</summary>
    public DrillVerdict FailIf(bool failed, string reason)
    {
        if (failed)
        {
            _extraFailures.Add(reason);
        }

        return this;
    }

    public string Result(string drill)
    {
        var lost = Count("missing");
        var duplicated = Count("doubled");
        var outOfOrder = Count("out of order");
        var unaccounted = _problems.Count - lost - duplicated - outOfOrder;
        var pass = _problems.Count == 0 && _extraFailures.Count == 0 && Accepted > 0;
        foreach (var problem in _problems.Take(20).Concat(_extraFailures))
        {
            Console.WriteLine($"  problem: {problem}");
        }

        var fields = string.Join(' ', _fields.Select(f => $"{f.Key}={f.Value}"));
        return $"RESULT {drill} verdict={(pass ? "pass" : "fail")} accepted={Accepted} lost={lost} duplicated={duplicated} out_of_order={outOfOrder} unaccounted={unaccounted} {fields}".TrimEnd();
    }

    private int Count(string prefix) => _problems.Count(p => p.StartsWith(prefix, StringComparison.Ordinal));
}
