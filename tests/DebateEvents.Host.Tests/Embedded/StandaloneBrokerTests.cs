using DebateEvents.Testing;
using DebateEvents.Testing.Drills;
using Microsoft.Data.Sqlite;

namespace DebateEvents.Host.Tests.Embedded;

/// <summary>
/// The host against the standalone broker (its own process, as <c>scripts/broker.sh</c> runs it): a host killed with
/// SIGKILL leaves its records on the broker, and the restarted host carries on from them.
/// </summary>
[Trait("Category", "Integration")]
public sealed class StandaloneBrokerTests : IAsyncLifetime
{
    private const string DebateTopic = "zamaz-debate.debate-events";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"broker-{Guid.NewGuid():N}.db");
    private BrokerProcess _broker = null!;

    public async Task InitializeAsync() => _broker = await BrokerProcess.StartAsync();

    [Fact]
    public async Task HostKilledAndRestarted_FindsItsRecordsStillOnTheBroker_AndHandlesEachEventOnce()
    {
        var load = new EventLoad(lanes: 2);
        await RunLifeAsync(load, kill: true);
        var firstLife = load.Posted.Where(p => p.Accepted && p.Type != "DecisionMade").Select(p => p.EventId!.Value).ToList();
        var beforeRestart = IdsOnTopic();

        await using var restarted = await RunLifeAsync(load, kill: false);
        var posted = load.Posted.ToList();
        var problems = await new ExactlyOnceAudit(posted, HostDatabase.Sqlite(_databasePath), WebhookAudit.Requested).SettleAsync(Settle);
        var afterRestart = IdsOnTopic();

        Assert.True(firstLife.Count >= 4, $"only {firstLife.Count} debate events before the kill; the load did not run");
        Assert.All(firstLife, id => Assert.Equal(1, afterRestart.Count(i => i == id)));
        Assert.True(afterRestart.Count > beforeRestart.Count, "the restarted host put nothing on the broker");
        Assert.Empty(problems);
    }

    private async Task<HostProcess> RunLifeAsync(EventLoad load, bool kill)
    {
        var host = await HostProcess.StartAsync(_databasePath, new Dictionary<string, string>(), _broker.HostEnvironment);
        using (var stop = new CancellationTokenSource())
        {
            var running = load.RunAsync(host.BaseAddress, stop.Token);
            var acceptedBefore = load.Posted.Count(p => p.Accepted);
            await Eventually.Until(() => load.Posted.Count(p => p.Accepted) >= acceptedBefore + 12, TimeSpan.FromSeconds(30),
                () => $"the host accepted {load.Posted.Count(p => p.Accepted) - acceptedBefore} events in this life");
            await stop.CancelAsync();
            await running;
        }

        if (kill)
        {
            // Killed only once the outbox has handed every accepted debate event to the broker: from then on they
            // live on the broker alone (outside the embedded mode the host does not resend delivered rows at start).
            var accepted = load.Posted.Where(p => p.Accepted && p.Type != "DecisionMade").Select(p => p.EventId!.Value).ToList();
            await Eventually.Until(() => accepted.All(IdsOnTopic().Contains), Settle, () => "the accepted events never reached the broker");
            host.Kill();
        }

        return host;
    }

    private List<Guid> IdsOnTopic() =>
        [.. TopicReader.ReadAll(_broker.BootstrapServers, DebateTopic).Select(r => Guid.Parse(r.Header("ce_id")!))];

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
