using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DebateEvents.Testing.Drills;

/// <summary>
/// Posts debates at a steady rate until cancelled or until the host stops answering: each lane opens a debate,
/// submits two arguments to it (keyed like the debate, so their order matters) and records a decision about it
/// (whose processor asks for a webhook through the outbox). Every request and its outcome lands in <see cref="Posted"/>.
/// </summary>
/// <remarks>
/// By default six lanes, one request every 40 ms each at most: a POST takes part of its slot, so about 100 events/s
/// reach the host on two shared cores.
/// </remarks>
/// <param name="lanes">Debates posted side by side.</param>
/// <param name="interval">The least time between two requests of one lane.</param>
public sealed class EventLoad(int lanes = 6, TimeSpan? interval = null)
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromMilliseconds(40);

    /// <summary>Every request made so far, with its outcome.</summary>
    public ConcurrentQueue<PostedEvent> Posted { get; } = new();

    /// <summary>Responses other than 202 from a live host; the host should accept every well-formed event.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    /// <summary>
    /// Posts until cancelled; a lane whose request went unanswered (the host died) or was refused stops, so run
    /// it again against the restarted host.
    /// </summary>
    public async Task RunAsync(Uri host, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => RunLaneAsync(client, cancellationToken))).ConfigureAwait(false);
    }

    private async Task RunLaneAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_interval);
        while (!cancellationToken.IsCancellationRequested)
        {
            var debateId = Guid.NewGuid();
            var decisionId = Guid.NewGuid();
            foreach (var (type, subjectId, body) in Debate(debateId, decisionId))
            {
                try
                {
                    await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                // A debate whose step went unanswered is left there: its later steps would depend on an unknown.
                if (!await PostAsync(client, type, debateId, subjectId, body).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    private async Task<bool> PostAsync(HttpClient client, string type, Guid debateId, Guid subjectId, object body)
    {
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri($"/events/{type}", UriKind.Relative), body).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                Refused.Enqueue($"POST /events/{type}: {(int)response.StatusCode} {text}");
                return false;
            }

            var eventId = JsonDocument.Parse(text).RootElement.GetProperty("eventId").GetGuid();
            Posted.Enqueue(new PostedEvent(type, debateId, subjectId, eventId));
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Posted.Enqueue(new PostedEvent(type, debateId, subjectId, null));
            return false;
        }
    }

    private static IEnumerable<(string Type, Guid SubjectId, object Body)> Debate(Guid debateId, Guid decisionId)
    {
        var now = DateTimeOffset.UtcNow;
        yield return ("DebateInitiated", debateId, new
        {
            debateId, question = "Survive a drill?", participants = new[] { "claude", "gemini" }, roundsPlanned = 2,
            initiatedBy = "drill", occurredAt = now,
        });
        for (var round = 1; round <= 2; round++)
        {
            yield return ("ArgumentSubmitted", debateId, new
            {
                debateId, round, participant = round == 1 ? "claude" : "gemini", position = "FOR", content = $"round {round}",
                confidence = 0.5, occurredAt = now,
            });
        }

        yield return ("DecisionMade", decisionId, new
        {
            decisionId, debateId, decision = "Keep the outbox", decisionType = "SIMPLE", confidence = 0.9m,
            implementationRequired = false, occurredAt = now,
        });
    }
}
