using DebateEvents.Testing.Drills;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// drill-rebalance: two hosts on one PostgreSQL database and one broker. The first carries a steady HTTP load; a
/// second joins (its consumers take partitions, its outbox dispatcher takes leases) and leaves with SIGTERM, twice.
/// Needs <c>DEBATEEVENTS_POSTGRES</c> (<c>export DEBATEEVENTS_POSTGRES=$(scripts/postgres.sh)</c>); the drill makes a
/// database of its own and drops it at the end.
/// </summary>
internal static class DrillRebalanceScenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);

    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var phase = TimeSpan.FromSeconds(DrillSettings.Read("DRILL_PHASE_SECONDS", 8));
        await using var environment = await DrillEnvironment.StartAsync(postgres: true);
        await using var first = await environment.StartHostAsync();
        var load = new EventLoad();
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(first.BaseAddress, stop.Token);
        var joins = 0;
        for (var round = 1; round <= 2; round++)
        {
            await Task.Delay(phase, cancellationToken);
            await using var second = await environment.StartHostAsync();
            joins++;
            Console.WriteLine($"second host joined ({round}) with {load.Posted.Count(p => p.Accepted)} accepted");
            await Task.Delay(phase, cancellationToken);
            await second.StopAsync();
            Console.WriteLine($"second host left ({round}) with {load.Posted.Count(p => p.Accepted)} accepted");
        }

        await Task.Delay(phase, cancellationToken);
        await stop.CancelAsync();
        await running;
        var verdict = await DrillVerdict.ReconcileAsync(environment, [.. load.Posted], Settle);
        return verdict
            .With("joins", joins)
            .With("leaves", joins)
            .With("unanswered", load.Posted.Count(p => !p.Accepted))
            .With("refused", load.Refused.Count)
            .FailIf(!load.Refused.IsEmpty, $"the host refused well-formed events: {load.Refused.FirstOrDefault()}")
            .Result("drill-rebalance");
    }
}
