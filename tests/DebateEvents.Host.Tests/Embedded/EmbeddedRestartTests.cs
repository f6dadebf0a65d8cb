using System.Diagnostics;
using DebateEvents.Host.Tests.Processors;
using DebateEvents.Testing.Drills;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace DebateEvents.Host.Tests.Embedded;

/// <summary>
/// The host process on its embedded defaults, killed with SIGKILL under steady load and restarted on the same
/// database: the in-process cluster dies with everything it held, and the outbox hands it back at start.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmbeddedRestartTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 4;
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(30);
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"restart-{Guid.NewGuid():N}.db");
    private readonly WebhookSubscriberServer _subscriber = new();

    [Fact]
    public async Task AcceptedEvents_WhenTheEmbeddedHostIsKilledRepeatedly_AreEachHandledOnceInKeyOrder()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var load = new EventLoad();
        var loaded = TimeSpan.Zero;
        for (var life = 1; life <= Kills; life++)
        {
            await using var host = await HostProcess.StartAsync(_databasePath, Settings());
            using var stop = new CancellationTokenSource();
            var started = Stopwatch.GetTimestamp();
            var running = load.RunAsync(host.BaseAddress, stop.Token);

            // Not a wait for an outcome: the kill is meant to land at a random moment of the load.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1_500, 4_500)));
            host.Kill();
            loaded += Stopwatch.GetElapsedTime(started);
            await stop.CancelAsync();
            await running;
            Report($"life {life} (seed {seed})", host);
        }

        await using var last = await HostProcess.StartAsync(_databasePath, Settings());
        var posted = load.Posted.ToList();
        var problems = await new ExactlyOnceAudit(posted, HostDatabase.Sqlite(_databasePath)).SettleAsync(SettleDeadline);

        Report("after the last restart", last);
        var accepted = posted.Count(p => p.Accepted);
        output.WriteLine($"{accepted} accepted ({accepted / loaded.TotalSeconds:0}/s), {posted.Count - accepted} unanswered at a kill, {problems.Count(p => p.StartsWith("missing", StringComparison.Ordinal))} missing, "
            + $"{problems.Count(p => p.StartsWith("doubled", StringComparison.Ordinal))} doubled, {_subscriber.Calls.Count} webhook calls");
        Assert.Empty(load.Refused);
        Assert.True(accepted > 200, $"only {accepted} events were accepted; the load did not run");
        Assert.True(problems.Count == 0, $"{problems.Count} problems among {accepted} accepted events (seed {seed}):\n{string.Join('\n', problems)}");
    }

    private Dictionary<string, string> Settings() => new(StringComparer.Ordinal)
    {
        ["Webhooks:Subscribers:0:Url"] = _subscriber.Url.ToString(),
        ["Webhooks:Subscribers:0:Secret"] = "restart",
    };

    private void Report(string moment, HostProcess host)
    {
        foreach (var line in host.Output.Where(l => l.Contains("outbox rows delivered within", StringComparison.Ordinal)))
        {
            output.WriteLine($"{moment}: {line.Trim()}");
        }
    }

    public void Dispose()
    {
        _subscriber.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
