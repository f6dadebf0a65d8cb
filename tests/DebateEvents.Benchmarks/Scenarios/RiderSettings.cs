using System.Globalization;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// How the rider scenario's rounds run. <c>--endpoint-rounds N</c> (default 2): measured rounds of our topic endpoint
/// and of Wolverine's listeners, after their three warm-up rounds. <c>--warm-up-rounds N</c> (default 2): full-size rounds every subject
/// sends through a producer of its own to a topic of its own before its measured producer starts, so that each
/// subject's code reaches the same steady state (tiered compilation) before it is timed. <c>--rounds N</c> (default 2):
/// measured rounds, the best of which counts. <c>--only raw,ours</c> (any of raw, ours, wolverine) runs only the subjects named, for a profiler (when consuming too, ours must be one: the listeners read its topic).
/// </summary>
internal sealed record RiderSettings(int WarmUpRounds, int MeasuredRounds, int EndpointRounds, string? Only)
{
    public static RiderSettings Parse(string[] arguments)
    {
        var only = Value(arguments, "--only");
        if (only is not null && only.Split(',').Any(subject => subject is not ("raw" or "ours" or "wolverine")))
        {
            throw new ArgumentException($"--only takes raw, ours or wolverine, or several of them separated by commas, not '{only}'.");
        }

        return new RiderSettings(Number(arguments, "--warm-up-rounds", 2), Math.Max(1, Number(arguments, "--rounds", 2)),
            Math.Max(1, Number(arguments, "--endpoint-rounds", 2)), only);
    }

    /// <summary>True when <paramref name="subject"/> runs (every subject unless <c>--only</c> names another).</summary>
    public bool Runs(string subject) => Only is null || Only.Split(',').Contains(subject);

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
