namespace DebateEvents.Benchmarks.Report;

/// <summary>The throughput bars of each scenario, drawn from the runs' RESULT lines (lowest and highest run).</summary>
internal static class ReportPictures
{
    /// <summary>Writes the pictures it has figures for; returns (scenario, file name) of each.</summary>
    public static List<(string Scenario, string File)> Write(RunSet runs, string folder)
    {
        var written = new List<(string, string)>();
        void Bars(string scenario, string file, string title, string unit, params (string Subject, string Key, bool Ours)[] subjects)
        {
            var bars = subjects.Select(s => (s.Subject, Values: runs.Values(scenario, s.Key), s.Ours)).Where(s => s.Values.Count > 0)
                .Select(s => (s.Subject, s.Values.Min(), s.Values.Max(), s.Ours)).ToList();
            if (bars.Count > 0)
            {
                ThroughputPlot.Write(title, unit, bars, Path.Combine(folder, file));
                written.Add((scenario, file));
            }
        }

        Bars("rider", "rider-produce.png", "Produce (msg/s, higher is better)", "msg/s",
            ("raw 100 B", "raw_produce_100", false), ("ours 100 B", "ours_produce_100", true), ("Wolverine inline 100 B", "wolverine_inline_produce_100", false),
            ("Wolverine default 100 B", "wolverine_produce_100", false), ("raw 1 KiB", "raw_produce_1k", false), ("ours 1 KiB", "ours_produce_1k", true),
            ("Wolverine inline 1 KiB", "wolverine_inline_produce_1k", false), ("Wolverine default 1 KiB", "wolverine_produce_1k", false));
        Bars("rider", "rider-consume.png", "Consume into a no-op handler (msg/s)", "msg/s",
            ("raw 100 B", "raw_consume_100", false), ("ours 100 B", "ours_consume_100", true), ("Wolverine default 100 B", "wolverine_consume_100", false),
            ("Wolverine inline 100 B", "wolverine_inline_consume_100", false), ("raw 1 KiB", "raw_consume_1k", false), ("ours 1 KiB", "ours_consume_1k", true),
            ("Wolverine default 1 KiB", "wolverine_consume_1k", false), ("Wolverine inline 1 KiB", "wolverine_inline_consume_1k", false));
        Bars("outbox", "outbox.png", "Outbox on SQLite, 4 publishers (events/s committed and on Kafka)", "events/s",
            ("bare EF 1/tx", "bare_ef_tx1_eps", false), ("bare EF 1/tx + domain row", "bare_ef_pair_tx1_eps", false), ("ours Publish 1/tx", "tx1_eps", true), ("ours IEventOutbox 1/tx", "direct_tx1_eps", true),
            ("Wolverine EF outbox 1/tx", "wolverine_tx1_eps", false), ("bare EF 100/tx", "bare_ef_tx100_eps", false), ("ours Publish 100/tx", "tx100_eps", true));
        Bars("raw", "raw.png", "Raw Confluent.Kafka on the embedded cluster (msg/s)", "msg/s",
            ("produce 100 B", "produce_100", false), ("consume 100 B", "consume_100", false), ("produce 1 KiB", "produce_1k", false), ("consume 1 KiB", "consume_1k", false));
        var e2e = new[] { ("bare EF 1/tx", "saturation", "bare_ef_tx1_eps", false), ("saturation", "saturation", "eps", true),
            ("1,000/s offered", "1000", "eps", true), ("2,000/s offered", "2000", "eps", true) }
            .Select(s => (s.Item1, Values: runs.Values("e2e", l => l.Name == "e2e" && l.Fields.GetValueOrDefault("offered") == s.Item2, s.Item3), s.Item4))
            .Where(s => s.Values.Count > 0).Select(s => (s.Item1, s.Values.Min(), s.Values.Max(), s.Item3)).ToList();
        if (e2e.Count > 0)
        {
            ThroughputPlot.Write("End to end: events/s processed", "events/s", e2e, Path.Combine(folder, "e2e-throughput.png"));
            written.Add(("e2e", "e2e-throughput.png"));
        }

        if (File.Exists(Path.Combine(folder, "e2e-latency.png")))
        {
            written.Add(("e2e", "e2e-latency.png"));
        }

        return written;
    }
}
