using System.Globalization;
using DebateEvents.Embedded;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// <c>outbox --tx1 [rounds] [--no-dispatch] [--publishers N] [--publish-only]</c>: only the one-event-per-transaction figures, bare EF, Publish
/// and <c>IEventOutbox</c> measured in turn for several rounds, to compare changes quickly on a busy machine, with the process
/// CPU per event of each. With <c>--no-dispatch</c> the dispatcher is off and the rates are of commits alone (nothing is sent).
/// <c>--publishers N</c> commits from N concurrent publishers instead of 4 (1: no transaction ever waits for SQLite's writer).
/// With <c>--publish-only</c> each round runs only Publish (for a profiler to attach to a steady state); <c>--allocations</c> then
/// also prints the sampled allocations of each round by type.
/// </summary>
internal static class OutboxTx1Probe
{
    public static async Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var rounds = arguments.Length > 0 && int.TryParse(arguments[0], CultureInfo.InvariantCulture, out var n) ? n : 3;
        var dispatch = !arguments.Contains("--no-dispatch");
        var publishOnly = arguments.Contains("--publish-only");
        var publishers = arguments.SkipWhile(a => a != "--publishers").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(4);
        using var allocations = arguments.Contains("--allocations") ? new AllocationTypeListener() : null;
        using var cluster = EmbeddedKafkaCluster.Start();
        var folder = Path.Combine(Path.GetTempPath(), $"outbox-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        Console.WriteLine("outbox tx1 probe warm-up (not measured):");
        await BareEfBaseline.MeasureAsync(folder, publishers, total: 8_000, rowsPerTransaction: 1, cancellationToken);
        await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Publish, 1, 8_000, cancellationToken, dispatch, publishers);
        await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Direct, 1, 8_000, cancellationToken, dispatch, publishers);
        var idle = CpuMeter.Start();
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"idle process (embedded cluster, no host): {idle.PerEvent(3_000).CpuMicros:0} µs CPU per ms"));
        if (publishOnly)
        {
            for (var round = 0; round < rounds; round++)
            {
                allocations?.Reset();
                await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Publish, 1, 30_000, cancellationToken, dispatch, publishers);
                allocations?.Print(30_000);
            }

            Directory.Delete(folder, recursive: true);
            return "RESULT outbox-tx1-publish-only done=true";
        }

        var bareEf = new List<CommitRound>();
        var pair = new List<CommitRound>();
        var publish = new List<CommitRound>();
        var direct = new List<CommitRound>();
        for (var round = 0; round < rounds; round++)
        {
            bareEf.Add(await BareEfBaseline.MeasureCostedAsync(folder, publishers, total: 30_000, rowsPerTransaction: 1, cancellationToken));
            pair.Add(await BareEfBaseline.MeasureCostedAsync(folder, publishers, total: 30_000, rowsPerTransaction: 1, cancellationToken, withDomainRow: true));
            publish.Add(await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Publish, 1, 30_000, cancellationToken, dispatch, publishers));
            direct.Add(await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Direct, 1, 30_000, cancellationToken, dispatch, publishers));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: bare EF {bareEf[^1].Rate:0}/s at {bareEf[^1].CpuMicros:0} µs CPU/tx, with a domain row {pair[^1].Rate:0}/s ({pair[^1].Rate / bareEf[^1].Rate:0.00}) at {pair[^1].CpuMicros:0} µs, "
                + $"Publish {publish[^1].Rate:0}/s ({publish[^1].Rate / bareEf[^1].Rate:0.00}) at {publish[^1].CpuMicros:0} µs, "
                + $"IEventOutbox {direct[^1].Rate:0}/s ({direct[^1].Rate / bareEf[^1].Rate:0.00}) at {direct[^1].CpuMicros:0} µs"));
        }

        Directory.Delete(folder, recursive: true);
        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT outbox-tx1-probe dispatch={dispatch} ratio_tx1_bare_ef={Joined(publish.Zip(bareEf, (p, b) => p.Rate / b.Rate))} "
            + $"ratio_direct_tx1_bare_ef={Joined(direct.Zip(bareEf, (d, b) => d.Rate / b.Rate))} "
            + $"cpu_us_publish={Joined(publish.Select(r => r.CpuMicros), "0")} cpu_us_direct={Joined(direct.Select(r => r.CpuMicros), "0")} "
            + $"cpu_us_bare_ef={Joined(bareEf.Select(r => r.CpuMicros), "0")} ratio_bare_ef_pair={Joined(pair.Zip(bareEf, (p, b) => p.Rate / b.Rate))} "
            + $"cpu_us_bare_ef_pair={Joined(pair.Select(r => r.CpuMicros), "0")}");
    }

    private static string Joined(IEnumerable<double> values, string format = "0.00") =>
        string.Join('/', values.Select(v => v.ToString(format, CultureInfo.InvariantCulture)));
}
