using System.Collections.Concurrent;
using DebateEvents.Testing.Drills;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// drill-fuzz: 10,000 malformed HTTP requests (<see cref="MalformedRequests"/>) against a live host while a steady
/// load of valid events runs beside them: no 5xx, no crash, resident memory flat, and every valid event delivered.
/// </summary>
internal static class DrillFuzzScenario
{
    private const int Workers = 6;
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);

    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var total = DrillSettings.Read("DRILL_REQUESTS", 10_000);
        var seed = DrillSettings.Seed();
        var fuzz = new MalformedRequests(seed);
        await using var environment = await DrillEnvironment.StartAsync();
        await using var host = await environment.StartHostAsync();
        var load = new EventLoad(lanes: 2);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(host.BaseAddress, stop.Token);
        var statuses = new ConcurrentDictionary<string, int>();
        var fiveHundreds = new ConcurrentQueue<string>();
        var sent = 0;
        var rssStart = 0.0;
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref sent) <= total && !host.HasExited)
            {
                var (request, kind) = fuzz.Next();
                var status = await SendAsync(client, request, cancellationToken);
                statuses.AddOrUpdate($"{kind}:{status}", 1, (_, n) => n + 1);
                if (status is "no-answer" or ['5', _, _])
                {
                    fiveHundreds.Enqueue($"{kind} {request.RequestUri} -> {status}");
                }

                // Memory is measured from a warm host: after the first tenth of the requests.
                if (sent == total / 10)
                {
                    rssStart = host.ResidentMegabytes;
                }
            }
        }, cancellationToken)));

        var crashed = host.HasExited;
        var rssEnd = crashed ? 0 : host.ResidentMegabytes;
        await stop.CancelAsync();
        await running;
        Console.WriteLine(string.Join(' ', statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}")));
        var verdict = await DrillVerdict.ReconcileAsync(environment, [.. load.Posted], Settle);
        return verdict
            .With("requests", Math.Min(sent, total))
            .With("status_5xx", fiveHundreds.Count)
            .With("status_4xx", statuses.Where(s => s.Key.Split(':')[1].StartsWith('4')).Sum(s => s.Value))
            .With("status_2xx", statuses.Where(s => s.Key.Split(':')[1].StartsWith('2')).Sum(s => s.Value))
            .With("crashed", crashed)
            .With("rss_mb_start", Math.Round(rssStart))
            .With("rss_mb_end", Math.Round(rssEnd))
            .With("seed", seed)
            .FailIf(!fiveHundreds.IsEmpty, $"{fiveHundreds.Count} requests got a 5xx or no answer, first: {fiveHundreds.FirstOrDefault()}")
            .FailIf(crashed, "the host died")
            .FailIf(rssEnd > Math.Max(rssStart * 1.3, rssStart + 60), $"resident memory grew from {rssStart:0} to {rssEnd:0} MB")
            .FailIf(!load.Refused.IsEmpty, $"the host refused well-formed events: {load.Refused.FirstOrDefault()}")
            .Result("drill-fuzz");
    }

    private static async Task<string> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // Kestrel may close the connection on a body over its limit before reading it: that is an answer too.
                return ex is HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded or HttpRequestError.Unknown } ? "closed" : "no-answer";
            }
        }
    }
}
