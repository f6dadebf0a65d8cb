using System.Globalization;

namespace DebateEvents.Benchmarks.Report;

/// <summary>One of issue 13's targets: a measured value per run against a bound.</summary>
internal sealed record Target(string Description, List<double> Values, double Bound, bool AtMost, string Format = "0.00")
{
    public string Row()
    {
        if (Values.Count == 0)
        {
            return $"| {Description} | not run | {Bound.ToString(Format, CultureInfo.InvariantCulture)} | not run |";
        }

        var met = Values.Count(v => AtMost ? v <= Bound : v >= Bound);
        var verdict = met == Values.Count ? "pass" : met == 0 ? "fail" : "mixed";
        var range = Values.Min() == Values.Max()
            ? Values.Min().ToString(Format, CultureInfo.InvariantCulture)
            : $"{Values.Min().ToString(Format, CultureInfo.InvariantCulture)} – {Values.Max().ToString(Format, CultureInfo.InvariantCulture)}";
        return $"| {Description} | {range} | {(AtMost ? "≤" : "≥")} {Bound.ToString(Format, CultureInfo.InvariantCulture)} | {verdict} ({met}/{Values.Count} runs) |";
    }
}
