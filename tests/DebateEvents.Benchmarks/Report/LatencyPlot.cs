using System.Globalization;
using DebateEvents.Benchmarks.EndToEnd;
using HdrHistogram;
using ScottPlot;

namespace DebateEvents.Benchmarks.Report;

/// <summary>
/// The e2e latency distribution as a percentile plot: one line per phase, commit-to-processed milliseconds
/// against the percentile, on a scale that spreads the tail (x = -log10(1 - p)).
/// </summary>
internal static class LatencyPlot
{
    private static readonly double[] Percentiles = [0, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100];

    public static void Write(IReadOnlyList<E2ePhase> phases, string path)
    {
        var plot = new Plot();
        foreach (var phase in phases)
        {
            var xs = Percentiles.Select(Position).ToArray();
            var ys = Percentiles.Select(p => p == 100 ? phase.Latency.GetMaxValue() / 1000.0 : phase.Percentile(p)).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = phase.TargetEps == 0 ? $"saturation ({phase.Eps:0}/s)" : $"{phase.Label}/s offered";
        }

        var ticks = new[] { 0, 50, 90, 99, 99.9, 99.99, 100 };
        plot.Axes.Bottom.SetTicks(ticks.Select(Position).ToArray(), ticks.Select(t => t == 100 ? "max" : $"p{t.ToString(CultureInfo.InvariantCulture)}").ToArray());
        plot.Axes.SetLimitsY(0, phases.Select(p => p.Latency.GetMaxValue() / 1000.0).DefaultIfEmpty(1).Max() * 1.1);
        plot.Title("End to end: commit to processed (ms) by percentile");
        plot.YLabel("milliseconds");
        plot.XLabel("percentile");
        plot.ShowLegend(Alignment.UpperLeft);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 900, 500);
    }

    // The maximum sits one step right of p99.99.
    private static double Position(double percentile) => percentile >= 100 ? 5 : -Math.Log10(1 - percentile / 100);
}
