using ScottPlot;

namespace DebateEvents.Benchmarks.Report;

/// <summary>
/// One scenario's throughput per subject as bars: solid up to the lowest run, pale from there to the highest,
/// ours in blue and the baselines in grey.
/// </summary>
internal static class ThroughputPlot
{
    public static void Write(string title, string unit, IReadOnlyList<(string Subject, double Low, double High, bool Ours)> bars, string path)
    {
        var plot = new Plot();
        for (var i = 0; i < bars.Count; i++)
        {
            var (_, low, high, ours) = bars[i];
            var colour = ours ? Colors.SteelBlue : Colors.Gray;
            plot.Add.Bar(new Bar { Position = i, Value = low, FillColor = colour, Label = high > low ? string.Empty : Short(low) });
            if (high > low)
            {
                plot.Add.Bar(new Bar { Position = i, ValueBase = low, Value = high, FillColor = colour.WithAlpha(0.35), Label = $"{Short(low)}-{Short(high)}" });
            }
        }

        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, bars.Count).Select(i => (double)i).ToArray(), bars.Select(b => b.Subject).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        // Room for the longest rotated label ("Wolverine default 1 KiB").
        plot.Axes.Bottom.MinimumSize = 130;
        plot.Axes.Right.MinimumSize = 60;
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.YLabel(unit);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        plot.SavePng(path, 900, 580);
    }

    private static string Short(double value) => value >= 10_000 ? $"{value / 1000:0}k" : $"{value:0}";
}
