using System.Diagnostics;
using DebateEvents.Testing.Drills;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// drill-crash: the host SIGKILLed at random moments of a steady HTTP load (at least 10 times over 60 s of load by
/// default), restarted each time on the same database against the standalone broker, which keeps the records.
/// </summary>
internal static class DrillCrashScenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);

    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var duration = DrillSettings.Seconds(60);
        var minimumKills = DrillSettings.Read("DRILL_KILLS", 10);
        var seed = DrillSettings.Seed();
        var random = new Random(seed);
        await using var environment = await DrillEnvironment.StartAsync();
        var load = new EventLoad();
        var kills = 0;
        var loaded = TimeSpan.Zero;
        var restart = TimeSpan.Zero;
        while ((loaded < duration || kills < minimumKills) && !cancellationToken.IsCancellationRequested)
        {
            var starting = Stopwatch.GetTimestamp();
            await using var host = await environment.StartHostAsync();
            restart += Stopwatch.GetElapsedTime(starting);
            using var stop = new CancellationTokenSource();
            var started = Stopwatch.GetTimestamp();
            var running = load.RunAsync(host.BaseAddress, stop.Token);

            // Not a wait for an outcome: the kill is meant to land at a random moment of the load.
            var life = TimeSpan.FromMilliseconds(random.Next(1_500, Math.Max(2_000, (int)(duration.TotalMilliseconds / minimumKills * 1.6))));
            await Task.Delay(life, cancellationToken);
            host.Kill();
            kills++;
            loaded += Stopwatch.GetElapsedTime(started);
            await stop.CancelAsync();
            await running;
            Console.WriteLine($"kill {kills} after {life.TotalSeconds:0.0} s; {load.Posted.Count(p => p.Accepted)} accepted so far");
        }

        await using var last = await environment.StartHostAsync();
        var verdict = await DrillVerdict.ReconcileAsync(environment, [.. load.Posted], Settle);
        return verdict
            .With("kills", kills)
            .With("load_s", Math.Round(loaded.TotalSeconds))
            .With("restart_avg_s", Math.Round(restart.TotalSeconds / (kills + 1), 1))
            .With("unanswered", load.Posted.Count(p => !p.Accepted))
            .With("refused", load.Refused.Count)
            .With("seed", seed)
            .FailIf(!load.Refused.IsEmpty, $"the host refused well-formed events: {load.Refused.FirstOrDefault()}")
            .Result("drill-crash");
    }
}
