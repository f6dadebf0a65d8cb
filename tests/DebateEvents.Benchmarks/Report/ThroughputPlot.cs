using ScottPlot;

namespace DebateEvents.Benchmarks.Report;

/// <summary>
/// One scenario's throughput per subject as bars (the lowest and highest of the runs: the bar is the lowest,
/// the whisker reaches the highest), ours in one colour and the baselines in another.
/// </summary>
internal static class ThroughputPlot
{
    public static void Write(string title, string unit, IReadOnlyList<(string Subject, double Low, double High, bool Ours)> bars, string path)
    {
        var plot = new Plot();
        for (var i = 0; i < bars.Count; i++)
        {
            var (_, low, high, ours) = bars[i];
            var bar = plot.Add.Bar(new Bar
            {
                Position = i,
                Value = low,
                Error = high - low,
                ErrorNegative = false,
                FillColor = ours ? Colors.SteelBlue : Colors.Gray,
                Label = $"{low:0}",
            });
            bar.ValueLabelStyle.FontSize = 12;
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
}
