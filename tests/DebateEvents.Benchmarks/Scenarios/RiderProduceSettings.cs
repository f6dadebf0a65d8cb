using System.Globalization;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// How the rider scenario's produce rounds run. <c>--warm-up-rounds N</c> (default 2): full-size rounds every subject
/// sends through a producer of its own to a topic of its own before its measured producer starts, so that each
/// subject's code reaches the same steady state (tiered compilation) before it is timed. <c>--rounds N</c> (default 2):
/// measured rounds, the best of which counts. <c>--only raw|ours|wolverine</c> runs one subject alone, for a profiler.
/// </summary>
internal sealed record RiderProduceSettings(int WarmUpRounds, int MeasuredRounds, string? Only)
{
    public static RiderProduceSettings Parse(string[] arguments)
    {
        var only = Value(arguments, "--only");
        if (only is not (null or "raw" or "ours" or "wolverine"))
        {
            throw new ArgumentException($"--only takes raw, ours or wolverine, not '{only}'.");
        }

        return new RiderProduceSettings(Number(arguments, "--warm-up-rounds", 2), Math.Max(1, Number(arguments, "--rounds", 2)), only);
    }

    /// <summary>True when <paramref name="subject"/> runs (every subject unless <c>--only</c> names another).</summary>
    public bool Runs(string subject) => Only is null || Only == subject;

    private static int Number(string[] arguments, string name, int fallback) =>
        Value(arguments, name) is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw new ArgumentException($"{name} takes a whole number, not '{text}'.")
            : fallback;

    private static string? Value(string[] arguments, string name)
    {
        var at = Array.IndexOf(arguments, name);
        return at < 0 ? null : at + 1 < arguments.Length ? arguments[at + 1] : throw new ArgumentException($"{name} needs a value.");
    }
}
