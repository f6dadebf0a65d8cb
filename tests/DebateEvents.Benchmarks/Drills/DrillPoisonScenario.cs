using System.Net.Http.Json;
using System.Text.Json;
using Confluent.Kafka;
using DebateEvents.Testing;
using DebateEvents.Testing.Drills;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// drill-poison: records produced straight into the debate topic beside a steady HTTP load, 1 % of them poison
/// (<see cref="PoisonRecords"/>). Every poison record must reach the dead-letter topic with a reason, every good one
/// be handled once, no good record wait much longer than the retry policy (5 retries, 50 ms rising to 5 s) plus
/// ordinary lag; then the rejected ones are fixed (their debates opened) and replayed through
/// <c>POST /kafka/dead-letters/{topic}/replay</c>, and each must be handled exactly once.
/// </summary>
internal static class DrillPoisonScenario
{
    private const string Topic = $"{DrillEnvironment.Prefix}.debate-events";
    private static readonly string[] Kinds = [PoisonRecords.Corrupt, PoisonRecords.UnknownType, PoisonRecords.Rejected];
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(15);

    public static async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var total = DrillSettings.Read("DRILL_RECORDS", 3_000);
        var seed = DrillSettings.Seed();
        await using var environment = await DrillEnvironment.StartAsync();
        await using var host = await environment.StartHostAsync();
        var load = new EventLoad(lanes: 2);
        using var stop = new CancellationTokenSource();
        var running = load.RunAsync(host.BaseAddress, stop.Token);
        var poison = await TemplatesAsync(environment, load, new Random(seed));

        var injected = await InjectAsync(environment.Broker.BootstrapServers, poison, total, cancellationToken);
        var bad = injected.Where(i => i.Kind != "good").ToList();
        var good = injected.Where(i => i.Kind == "good").ToList();
        var deadLetters = new Dictionary<Guid, TopicRecord>();
        var handled = new Dictionary<Guid, List<long>>();
        await Eventually.Until(() =>
        {
            handled = HandledByDebateProcessor(environment.Database);
            deadLetters = DeadLetters(environment.Broker.BootstrapServers);
            return good.All(g => handled.ContainsKey(g.EventId)) && bad.All(b => deadLetters.ContainsKey(b.EventId));
        }, Settle, () => $"{good.Count(g => !handled.ContainsKey(g.EventId))} good records unhandled, {bad.Count(b => !deadLetters.ContainsKey(b.EventId))} poison records not dead-lettered");

        var withoutReason = bad.Count(b => string.IsNullOrEmpty(deadLetters[b.EventId].Header("dlt-reason")));
        var poisonHandled = bad.Count(b => handled.ContainsKey(b.EventId));
        var slowest = good.Max(g => handled[g.EventId].Min() - g.ProducedAtMs) / 1000.0;
        Console.WriteLine(string.Join(' ', bad.GroupBy(b => deadLetters[b.EventId].Header("dlt-reason")).Select(g => $"reason {g.Key}: {g.Count()}")));

        // The fix: open the debates the rejected arguments name. Then replay exactly those dead letters.
        var rejected = bad.Where(b => b.Kind == PoisonRecords.Rejected).ToList();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        var opened = new List<PostedEvent>();
        foreach (var r in rejected)
        {
            opened.Add(await OpenDebateAsync(client, r.DebateId, cancellationToken));
        }

        await new ExactlyOnceAudit(opened, environment.Database, WebhookAudit.None).SettleAsync(Settle, cancellationToken);
        var positions = rejected.Select(r => deadLetters[r.EventId]).Select(d => new { partition = d.Partition, offset = d.Offset }).ToList();
        using var replay = await client.PostAsJsonAsync(new Uri($"/kafka/dead-letters/{Topic}/replay", UriKind.Relative), new { offsets = positions }, cancellationToken);
        var replayAnswer = await replay.Content.ReadAsStringAsync(cancellationToken);
        Console.WriteLine($"replay: {(int)replay.StatusCode} {replayAnswer[..Math.Min(200, replayAnswer.Length)]}");
        var replayedOnce = 0;
        var deadline = DateTime.UtcNow + Settle;
        while (DateTime.UtcNow < deadline)
        {
            handled = HandledByDebateProcessor(environment.Database);
            replayedOnce = rejected.Count(r => handled.TryGetValue(r.EventId, out var at) && at.Count == 1);
            if (replayedOnce == rejected.Count)
            {
                break;
            }

            await Task.Delay(500, cancellationToken);
        }

        var counts = environment.Database.ArgumentCounts();
        var argumentsCounted = rejected.Count(r => counts.GetValueOrDefault(r.DebateId) == 1);
        await stop.CancelAsync();
        await running;
        var verdict = await DrillVerdict.ReconcileAsync(environment, [.. load.Posted], Settle);
        return verdict
            .With("injected", injected.Count)
            .With("poison", bad.Count)
            .With("dead_lettered", bad.Count(b => deadLetters.ContainsKey(b.EventId)))
            .With("without_reason", withoutReason)
            .With("good_handled", good.Count(g => handled.ContainsKey(g.EventId)))
            .With("max_wait_s", Math.Round(slowest, 1))
            .With("replayed", positions.Count)
            .With("replayed_once", replayedOnce)
            .With("seed", seed)
            .FailIf(withoutReason > 0, $"{withoutReason} dead letters carry no reason")
            .FailIf(poisonHandled > 0, $"{poisonHandled} poison records were handled before their fix")
            .FailIf(slowest > StallLimit.TotalSeconds, $"a good record waited {slowest:0.0} s behind poison")
            .FailIf(!replay.IsSuccessStatusCode, $"replay answered {(int)replay.StatusCode}: {replayAnswer}")
            .FailIf(replayedOnce != rejected.Count || argumentsCounted != rejected.Count,
                $"{replayedOnce} of {rejected.Count} replayed arguments handled once, {argumentsCounted} counted once")
            .FailIf(!load.Refused.IsEmpty, $"the host refused well-formed events: {load.Refused.FirstOrDefault()}")
            .Result("drill-poison");
    }

    private static async Task<PoisonRecords> TemplatesAsync(DrillEnvironment environment, EventLoad load, Random random)
    {
        (TopicRecord Record, Guid DebateId)? opening = null, argument = null;
        await Eventually.Until(() =>
        {
            var posted = load.Posted.Where(p => p.Accepted).ToDictionary(p => p.EventId!.Value);
            foreach (var record in TopicReader.ReadAll(environment.Broker.BootstrapServers, Topic))
            {
                if (Guid.TryParse(record.Header("ce_id"), out var id) && posted.TryGetValue(id, out var e))
                {
                    if (e.Type == "DebateInitiated") opening ??= (record, e.DebateId);
                    if (e.Type == "ArgumentSubmitted") argument ??= (record, e.DebateId);
                }
            }

            return opening is not null && argument is not null;
        }, Settle, () => "the load's first debate never reached its topic");
        return new PoisonRecords(opening!.Value.Record, opening.Value.DebateId, argument!.Value.Record, argument.Value.DebateId, random);
    }

    private static async Task<List<Injected>> InjectAsync(string bootstrapServers, PoisonRecords poison, int total, CancellationToken cancellationToken)
    {
        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true, LingerMs = 5 }).Build();
        var injected = new List<Injected>();
        for (var i = 0; i < total; i++)
        {
            var kind = i % 100 == 37 ? Kinds[i / 100 % Kinds.Length] : "good";
            var (message, eventId, debateId) = kind == "good" ? poison.Good() : poison.Poison(kind);
            producer.Produce(Topic, message);
            injected.Add(new Injected(kind, eventId, debateId, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            if (i % 20 == 19)
            {
                // About 200 records a second: a steady stream beside the HTTP load, not a burst.
                await Task.Delay(100, cancellationToken);
            }
        }

        producer.Flush(cancellationToken);
        return injected;
    }

    private static async Task<PostedEvent> OpenDebateAsync(HttpClient client, Guid debateId, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/events/DebateInitiated", UriKind.Relative), new
        {
            debateId, question = "Fixed?", participants = new[] { "claude", "gemini" }, roundsPlanned = 2, initiatedBy = "drill-fix",
            occurredAt = DateTimeOffset.UtcNow,
        }, cancellationToken);
        var eventId = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.GetProperty("eventId").GetGuid();
        return new PostedEvent("DebateInitiated", debateId, debateId, eventId);
    }

    private static Dictionary<Guid, List<long>> HandledByDebateProcessor(HostDatabase database) =>
        database.Inbox().Where(i => i.Consumer == HostDatabase.DebateProcessor)
            .GroupBy(i => i.EventId).ToDictionary(g => g.Key, g => g.Select(i => i.ReceivedAt).ToList());

    private static Dictionary<Guid, TopicRecord> DeadLetters(string bootstrapServers)
    {
        var letters = new Dictionary<Guid, TopicRecord>();
        foreach (var record in TopicReader.ReadAll(bootstrapServers, $"{Topic}.dead-letter"))
        {
            if (Guid.TryParse(record.Header("ce_id"), out var id))
            {
                letters[id] = record;
            }
        }

        return letters;
    }

    private sealed record Injected(string Kind, Guid EventId, Guid DebateId, long ProducedAtMs);
}
