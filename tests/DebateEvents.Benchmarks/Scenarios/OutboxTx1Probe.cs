using System.Globalization;
using DebateEvents.Embedded;

namespace DebateEvents.Benchmarks.Scenarios;

/// <summary>
/// <c>outbox --tx1 [rounds] [--no-dispatch]</c>: only the one-event-per-transaction figures, bare EF, Publish and
/// <c>IEventOutbox</c> measured in turn for several rounds, to compare changes quickly on a busy machine. With
/// <c>--no-dispatch</c> the dispatcher is off and the rates are of commits alone (nothing is sent).
/// </summary>
internal static class OutboxTx1Probe
{
    private const int Publishers = 4;

    public static async Task<string> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var rounds = arguments.Length > 0 && int.TryParse(arguments[0], CultureInfo.InvariantCulture, out var n) ? n : 3;
        var dispatch = !arguments.Contains("--no-dispatch");
        using var cluster = EmbeddedKafkaCluster.Start();
        var folder = Path.Combine(Path.GetTempPath(), $"outbox-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        Console.WriteLine("outbox tx1 probe warm-up (not measured):");
        await BareEfBaseline.MeasureAsync(folder, Publishers, total: 8_000, rowsPerTransaction: 1, cancellationToken);
        await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Publish, 1, 8_000, cancellationToken, dispatch);
        await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Direct, 1, 8_000, cancellationToken, dispatch);
        var publishRatios = new List<double>();
        var directRatios = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var bareEf = await BareEfBaseline.MeasureAsync(folder, Publishers, total: 30_000, rowsPerTransaction: 1, cancellationToken);
            var pair = await BareEfBaseline.MeasureAsync(folder, Publishers, total: 30_000, rowsPerTransaction: 1, cancellationToken, withDomainRow: true);
            var publish = await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Publish, 1, 30_000, cancellationToken, dispatch);
            var direct = await OutboxScenario.MeasureThroughput(cluster, folder, OutboxScenario.Ingress.Direct, 1, 30_000, cancellationToken, dispatch);
            publishRatios.Add(publish / bareEf);
            directRatios.Add(direct / bareEf);
            Console.WriteLine($"round {round}: bare EF {bareEf:0}/s, with a domain row {pair:0}/s ({pair / bareEf:0.00}), Publish {publish:0}/s ({publish / bareEf:0.00}), IEventOutbox {direct:0}/s ({direct / bareEf:0.00})");
        }

        Directory.Delete(folder, recursive: true);
        return string.Create(CultureInfo.InvariantCulture,
            $"RESULT outbox-tx1-probe dispatch={dispatch} ratio_tx1_bare_ef={string.Join('/', publishRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} "
            + $"ratio_direct_tx1_bare_ef={string.Join('/', directRatios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}");
    }
}
