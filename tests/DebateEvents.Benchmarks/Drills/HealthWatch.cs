using System.Diagnostics;
using System.Text.Json;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>Polls a host's <c>GET /health</c> until stopped and keeps each change of its overall status, with when it happened.</summary>
internal sealed class HealthWatch(Uri host)
{
    private readonly List<(TimeSpan At, string Status)> _changes = [];
    private readonly long _started = Stopwatch.GetTimestamp();

    public IReadOnlyList<(TimeSpan At, string Status)> Changes
    {
        get
        {
            lock (_changes)
            {
                return [.. _changes];
            }
        }
    }

    public string Current => Changes.LastOrDefault().Status ?? "none";

    /// <summary>The statuses in order, for the RESULT line: <c>Healthy&gt;Unhealthy&gt;Healthy</c>.</summary>
    public string Sequence => string.Join('>', Changes.Select(c => c.Status));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(10) };
        while (!cancellationToken.IsCancellationRequested)
        {
            var status = await StatusAsync(client, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            lock (_changes)
            {
                if (_changes.Count == 0 || _changes[^1].Status != status)
                {
                    _changes.Add((Stopwatch.GetElapsedTime(_started), status));
                }
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<string> StatusAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() ?? "none";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return "no-answer";
        }
    }
}
