using System.Net;
using System.Text.Json;

namespace DebateEvents.Host.Tests.Embedded;

/// <summary>
/// Checks what the processors made of the posted events: every accepted event handled once by its processor
/// (one inbox entry, its effect in the read model exactly once), each debate's arguments after its opening and
/// in posting order, and one webhook request handled per recorded decision. Returns the problems, naming ids.
/// </summary>
internal sealed class ExactlyOnceAudit(IReadOnlyCollection<PostedEvent> posted, HostDatabase database)
{
    public async Task<List<string>> FindProblemsAsync(HttpClient host)
    {
        var inbox = database.Inbox();
        var handled = inbox.ToLookup(i => (i.EventId, i.Consumer));
        var problems = new List<string>();
        foreach (var e in posted.Where(p => p.Accepted))
        {
            var entries = handled[(e.EventId!.Value, ConsumerOf(e))].Count();
            if (entries != 1)
            {
                problems.Add($"{(entries == 0 ? "missing" : "doubled")}: {e.Type} {e.EventId} ({entries} inbox entries)");
            }
        }

        foreach (var debate in posted.Where(p => p.Type != "DecisionMade").GroupBy(p => p.DebateId))
        {
            await CheckDebateAsync(host, debate.Key, [.. debate], handled, problems);
        }

        CheckWebhooks(inbox, problems);
        return problems;
    }

    private static async Task CheckDebateAsync(HttpClient host, Guid debateId, List<PostedEvent> events,
        ILookup<(Guid, string), (Guid EventId, string Consumer, long ReceivedAt)> handled, List<string> problems)
    {
        using var response = await host.GetAsync(new Uri($"/debates/{debateId}", UriKind.Relative));
        var opened = events[0].Accepted;
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            if (opened)
            {
                problems.Add($"missing: debate {debateId} has no read model");
            }

            return;
        }

        var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var arguments = view.GetProperty("argumentCount").GetInt32();
        var accepted = events.Count(e => e.Type == "ArgumentSubmitted" && e.Accepted);
        var unanswered = events.Count(e => e.Type == "ArgumentSubmitted" && !e.Accepted);
        if (arguments < accepted || arguments > accepted + unanswered)
        {
            problems.Add($"{(arguments < accepted ? "missing" : "doubled")}: debate {debateId} counts {arguments} arguments, {accepted} accepted");
        }

        // The debate's events share its key: each must have been handled no earlier than the one posted before it.
        var handledAt = events.Where(e => e.Accepted)
            .SelectMany(e => handled[(e.EventId!.Value, HostDatabase.DebateProcessor)].Select(h => h.ReceivedAt))
            .ToList();
        if (handledAt.Zip(handledAt.Skip(1)).Any(pair => pair.First > pair.Second))
        {
            problems.Add($"out of order: debate {debateId} events handled at {string.Join(", ", handledAt)}");
        }
    }

    private void CheckWebhooks(List<(Guid EventId, string Consumer, long ReceivedAt)> inbox, List<string> problems)
    {
        var decisions = database.Decisions();
        var deliveries = database.WebhookDeliveries().ToHashSet();
        foreach (var decision in posted.Where(p => p.Type == "DecisionMade" && p.Accepted).Select(p => p.SubjectId))
        {
            if (decisions.Contains(decision) && !deliveries.Contains(decision))
            {
                problems.Add($"missing: no webhook delivery for decision {decision}");
            }
        }

        // Each recorded decision asked for exactly one webhook notification, through the outbox.
        var webhookRequests = inbox.Count(i => i.Consumer == HostDatabase.WebhookProcessor);
        if (webhookRequests != decisions.Count)
        {
            problems.Add($"{(webhookRequests < decisions.Count ? "missing" : "doubled")}: {webhookRequests} webhook requests handled for {decisions.Count} decisions");
        }
    }

    private static string ConsumerOf(PostedEvent e) => e.Type == "DecisionMade" ? HostDatabase.DecisionProcessor : HostDatabase.DebateProcessor;
}
