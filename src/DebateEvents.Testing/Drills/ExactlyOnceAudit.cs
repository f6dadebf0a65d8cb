namespace DebateEvents.Testing.Drills;

/// <summary>
/// Checks what the processors made of the posted events, from the host's database: every accepted event handled
/// once by its processor (one inbox entry), each debate's argument count in its read model matching what was
/// accepted, each debate's events handled in posting order, and, as <see cref="WebhookAudit"/> says, one webhook
/// request handled per recorded decision (the decision processor asks for it through the outbox) and each delivered. Problems name ids and start with <c>missing</c>, <c>doubled</c> or <c>out of order</c>.
/// </summary>
/// <param name="posted">The requests the load made.</param>
/// <param name="database">The host's database.</param>
/// <param name="webhooks">What to check of the webhook requests the decisions made.</param>
public sealed class ExactlyOnceAudit(IReadOnlyCollection<PostedEvent> posted, HostDatabase database, WebhookAudit webhooks = WebhookAudit.Delivered)
{
    /// <summary>Every problem found now (empty when all is accounted for).</summary>
    public List<string> FindProblems()
    {
        ArgumentNullException.ThrowIfNull(database);
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

        var arguments = database.ArgumentCounts();
        foreach (var debate in posted.Where(p => p.Type != "DecisionMade").GroupBy(p => p.DebateId))
        {
            CheckDebate(debate.Key, [.. debate], arguments, handled, problems);
        }

        if (webhooks != WebhookAudit.None)
        {
            CheckWebhooks(inbox, problems);
        }

        return problems;
    }

    /// <summary>Polls <see cref="FindProblems"/> until none is left or <paramref name="settle"/> has passed; returns the last problems.</summary>
    public async Task<List<string>> SettleAsync(TimeSpan settle, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + settle;
        var problems = FindProblems();
        while (problems.Count > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            problems = FindProblems();
        }

        return problems;
    }

    private static void CheckDebate(Guid debateId, List<PostedEvent> events, Dictionary<Guid, int> arguments,
        ILookup<(Guid, string), InboxEntry> handled, List<string> problems)
    {
        if (!arguments.TryGetValue(debateId, out var counted))
        {
            if (events[0].Accepted)
            {
                problems.Add($"missing: debate {debateId} has no read model");
            }

            return;
        }

        var accepted = events.Count(e => e.Type == "ArgumentSubmitted" && e.Accepted);
        var unanswered = events.Count(e => e.Type == "ArgumentSubmitted" && !e.Accepted);
        if (counted < accepted || counted > accepted + unanswered)
        {
            problems.Add($"{(counted < accepted ? "missing" : "doubled")}: debate {debateId} counts {counted} arguments, {accepted} accepted");
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

    private void CheckWebhooks(List<InboxEntry> inbox, List<string> problems)
    {
        var decisions = database.Decisions();
        var deliveries = database.WebhookDeliveries().ToHashSet();
        foreach (var decision in posted.Where(p => webhooks == WebhookAudit.Delivered && p.Type == "DecisionMade" && p.Accepted).Select(p => p.SubjectId))
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
