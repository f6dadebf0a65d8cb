using System.Globalization;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>Drill sizes, overridable for a short run: <c>DRILL_SECONDS</c> (load time), <c>DRILL_KILLS</c>, <c>DRILL_REQUESTS</c>.</summary>
internal static class DrillSettings
{
    public static TimeSpan Seconds(int fallback) => TimeSpan.FromSeconds(Read("DRILL_SECONDS", fallback));

    public static int Read(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;

    /// <summary>A seed of the run's own, printed, or <c>DRILL_SEED</c> to repeat a run.</summary>
    public static int Seed() => Read("DRILL_SEED", Environment.TickCount & int.MaxValue);
}
