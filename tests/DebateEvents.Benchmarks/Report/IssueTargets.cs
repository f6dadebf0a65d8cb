namespace DebateEvents.Benchmarks.Report;

/// <summary>Issue 13's targets, each read from the RESULT fields that measure it (lowest of the two record sizes where there are two).</summary>
internal static class IssueTargets
{
    public static IEnumerable<Target> All(RunSet runs)
    {
        List<double> Lower(string scenario, string a, string b) =>
            runs.Values(scenario, a).Zip(runs.Values(scenario, b), Math.Min).ToList();
        List<double> E2e(string offered, string key) =>
            runs.Values("e2e", l => l.Name == "e2e" && l.Fields.GetValueOrDefault("offered") == offered, key);

        yield return new Target("Consume: ours / Wolverine default listener", Lower("rider", "ratio_consume_wolverine_100", "ratio_consume_wolverine_1k"), 1.3, AtMost: false);
        yield return new Target("Consume: ours / raw Confluent consumer", runs.Values("rider", "consume_ratio"), 0.8, AtMost: false);
        yield return new Target("Produce: ours / raw", runs.Values("rider", "produce_ratio"), 0.9, AtMost: false);
        yield return new Target("Produce: ours / Wolverine inline sender", Lower("rider", "ratio_produce_wolverine_inline_100", "ratio_produce_wolverine_inline_1k"), 1.5, AtMost: false);
        yield return new Target("Outbox 1 event/tx via Publish: ours / bare EF", runs.Values("outbox", "ratio_tx1_bare_ef"), 0.8, AtMost: false);
        yield return new Target("Outbox 1 event/tx: ours / Wolverine EF Core outbox", runs.Values("outbox", "ratio_tx1_wolverine"), 2.0, AtMost: false);
        yield return new Target("Outbox 100 events/tx: ours / bare EF", runs.Values("outbox", "ratio_tx100_bare_ef"), 1.0, AtMost: false);
        yield return new Target("E2e at 2,000/s offered: processed events/s (sustained)", E2e("2000", "eps"), 1900, AtMost: false, "0");
        yield return new Target("E2e at 2,000/s: p99 commit to processed (ms)", E2e("2000", "p99_ms"), 25, AtMost: true, "0.0");
        yield return new Target("E2e at 2,000/s: p50 commit to processed (ms)", E2e("2000", "p50_ms"), 5, AtMost: true, "0.0");
        yield return new Target("E2e saturation / bare EF one-row tx", E2e("saturation", "ratio_bare_ef"), 0.6, AtMost: false);
        yield return new Target("E2e peak working set, any phase (MB)",
            runs.Runs("e2e").Select(r => r.Where(l => l.Name == "e2e").Select(l => l.Number("peak_mb") ?? 0).DefaultIfEmpty().Max()).Where(v => v > 0).ToList(),
            300, AtMost: true, "0");
        yield return new Target("E2e soak: peak working set (MB)",
            runs.Values("e2e-soak", l => l.Name == "e2e" && l.Fields.GetValueOrDefault("offered") == "2000", "peak_mb"), 300, AtMost: true, "0");
        yield return new Target("E2e soak: working set growth (%)", runs.Values("e2e-soak", l => l.Name == "e2e-soak", "growth_pct"), 10, AtMost: true, "0.0");
    }
}
