using System.Diagnostics;
using DebateEvents.Testing.Drills;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// drill-outage: every broker taken down for 10 s in the middle of a steady HTTP load, then brought back. The host
/// keeps accepting events into its outbox; <c>/health</c> must go Degraded while Kafka is away (an outage shorter than
/// <c>Kafka:UnhealthyAfter</c> is not a reason to leave a load balancer) and come back to Healthy;
/// reports how long the backlog took to drain after the brokers returned.
/// </summary>
internal static class DrillOutageScenario
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(180);

    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var outage = TimeSpan.FromSeconds(DrillSettings.Read("DRILL_OUTAGE_SECONDS", 10));
        var before = DrillSettings.Seconds(10);
        await using var environment = await DrillEnvironment.StartAsync();
        await using var host = await environment.StartHostAsync();
        var load = new EventLoad();
        var health = new HealthWatch(host.BaseAddress);
        using var stop = new CancellationTokenSource();
        var watching = health.RunAsync(stop.Token);
        var running = load.RunAsync(host.BaseAddress, stop.Token);

        await Task.Delay(before, cancellationToken);
        await environment.Broker.SetBrokersDownAsync(cancellationToken);
        var healthBefore = health.Changes.Count;
        Console.WriteLine($"brokers down with {load.Posted.Count(p => p.Accepted)} accepted");
        await Task.Delay(outage, cancellationToken);
        var statusInOutage = health.Changes.Skip(healthBefore).Select(c => c.Status).ToList();
        await environment.Broker.SetBrokersUpAsync(cancellationToken);
        var up = Stopwatch.GetTimestamp();
        Console.WriteLine($"brokers up with {load.Posted.Count(p => p.Accepted)} accepted; health so far {health.Sequence}");

        // Drained: every event accepted up to now handled by its processor, while the load goes on (the full audit
        // waits for the end: a debate half posted by now would count arguments that came later).
        var backlog = load.Posted.Where(p => p.Accepted).Select(p => p.EventId!.Value).ToHashSet();
        var undrained = backlog.Count;
        while (undrained > 0 && Stopwatch.GetElapsedTime(up) < Settle)
        {
            await Task.Delay(200, cancellationToken);
            undrained = backlog.Except(environment.Database.Inbox().Select(i => i.EventId)).Count();
        }

        var drained = Stopwatch.GetElapsedTime(up);
        Console.WriteLine($"backlog of {backlog.Count} drained in {drained.TotalSeconds:0.0} s ({undrained} left)");
        var rest = before - drained;
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest, cancellationToken);
        }

        await stop.CancelAsync();
        await running;
        var verdict = await DrillVerdict.ReconcileAsync(environment, [.. load.Posted], Settle);
        using var recheck = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var finalHealth = new HealthWatch(host.BaseAddress);
        var finalWatch = finalHealth.RunAsync(recheck.Token);
        while (finalHealth.Current != "Healthy" && !recheck.IsCancellationRequested)
        {
            await Task.Delay(200, CancellationToken.None);
        }

        await recheck.CancelAsync();
        await Task.WhenAll(watching, finalWatch);
        var degraded = statusInOutage.Contains("Degraded") && !statusInOutage.Contains("Unhealthy");
        return verdict
            .With("outage_s", outage.TotalSeconds)
            .With("drain_s", Math.Round(drained.TotalSeconds, 1))
            .With("backlog", backlog.Count)
            .With("health", health.Sequence)
            .With("health_after", finalHealth.Current)
            .With("refused", load.Refused.Count)
            .With("unanswered", load.Posted.Count(p => !p.Accepted))
            .FailIf(undrained > 0, $"{undrained} events accepted before the brokers came back were not handled within {Settle.TotalSeconds} s")
            .FailIf(!degraded, $"health was not Degraded (and only that) while every broker was down: {string.Join('>', statusInOutage)}")
            .FailIf(finalHealth.Current != "Healthy", $"health did not come back to Healthy: {finalHealth.Current}")
            .FailIf(!load.Refused.IsEmpty, $"the host refused well-formed events: {load.Refused.FirstOrDefault()}")
            .Result("drill-outage");
    }
}
