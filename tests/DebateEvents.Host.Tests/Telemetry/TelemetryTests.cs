using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using DebateEvents.Host.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace DebateEvents.Host.Tests.Telemetry;

/// <summary>
/// The host's OpenTelemetry wiring, through the real host on the embedded cluster: the Prometheus scrape at
/// <c>GET /metrics</c> and, with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the OTLP export of spans and metrics.
/// </summary>
[Trait("Category", "Integration")]
[Collection(nameof(ProcessWideTelemetryCollection))]
public sealed class TelemetryTests
{
    private const string DebateTopic = "zamaz-debate.debate-events";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MetricsScrape_ShowsTheRidersAndTheOutboxsInstruments_WithTheTopic_AfterAnEventWasProcessed()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();

        await PublishDebateAndWaitForItsReadModel(client);

        var topic = $"messaging_destination_name=\"{DebateTopic}\"";
        string[] wanted =
        [
            $"messaging_client_consumed_messages_total{{*{topic}*}} >=1",
            $"messaging_process_duration_seconds_count{{*{topic}*}} >=1",
            $"debateevents_kafka_consumer_commits_total{{*{topic}*}} >=1",
            "debateevents_outbox_delivered_total{*} >=1",
            $"debateevents_kafka_consumer_active{{*{topic}*}} 1",
            $"debateevents_kafka_consumer_circuit_open{{*{topic}*}} 0",
            "http_server_request_duration_seconds_count{*http_route=\"/events/{type}\"*} >=1",
        ];
        var last = "";
        var scrape = await Until(async () =>
        {
            last = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            return wanted.All(w => HasSample(last, w)) ? last : null;
        }, () => $"GET /metrics to show {string.Join(", ", wanted.Where(w => !HasSample(last, w)))}; it showed:\n"
            + string.Join("\n", last.Split('\n').Where(l => l.StartsWith("messaging_", StringComparison.Ordinal) || l.StartsWith("debateevents_", StringComparison.Ordinal))));

        Assert.Contains("# TYPE messaging_process_duration_seconds histogram", scrape, StringComparison.Ordinal);
        Assert.Contains("messaging_consumer_group_name=\"debate-processors\"", scrape, StringComparison.Ordinal);
        Assert.Contains("\ndotnet_gc_", scrape, StringComparison.Ordinal);
        // Without an OTLP endpoint no spans are made at all.
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task WithAnOtlpEndpoint_TheKafkaSpansAndMetricsAreExportedThere()
    {
        using var receiver = new OtlpReceiver();
        await using var factory = new HostFactory
        {
            Settings =
            {
                [TelemetryRegistration.OtlpEndpoint] = receiver.Url.ToString().TrimEnd('/'),
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            },
        };
        using var client = factory.CreateClient();
        var trace = ActivityTraceId.CreateRandom();

        await PublishDebateAndWaitForItsReadModel(client, $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        // The consumer's span joins the trace of the request that published the event (through the outbox's record
        // header), and the rider's instruments are among the exported metrics: protobuf keeps strings as they are.
        bool SpanExported() => receiver.Exports.Any(e => e.Path == "/v1/traces" && HasSpan(e.Body, trace, $"process {DebateTopic}"));
        bool MetricExported() =>
            receiver.Exports.Any(e => e.Path == "/v1/metrics" && Encoding.UTF8.GetString(e.Body).Contains("messaging.process.duration", StringComparison.Ordinal));
        await Until(() => Task.FromResult<object?>(SpanExported() && MetricExported() ? true : null),
            () => $"OTLP exports of the consumer span in trace {trace} and of the process duration; got "
                + string.Join(", ", receiver.Exports.Select(e => $"{e.Path} ({e.Body.Length} bytes)")));
        Assert.NotNull(factory.Services.GetService<TracerProvider>());
    }

    [Fact]
    public void AnOtlpEndpointThatIsNoUrl_StopsTheHost_NamingTheVariable()
    {
        using var factory = new HostFactory { Settings = { [TelemetryRegistration.OtlpEndpoint] = "collector:4317" } };

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(TelemetryRegistration.OtlpEndpoint, error.ToString(), StringComparison.Ordinal);
    }

    private static async Task PublishDebateAndWaitForItsReadModel(HttpClient client, string? traceParent = null)
    {
        var id = Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/events/DebateInitiated", UriKind.Relative))
        {
            Content = JsonContent.Create(new
            {
                debateId = id, question = "Observable?", participants = new[] { "a", "b" }, roundsPlanned = 1, initiatedBy = "telemetry",
                occurredAt = DateTimeOffset.UtcNow,
            }),
        };
        if (traceParent is not null)
        {
            request.Headers.Add("traceparent", traceParent);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Until(async () =>
        {
            using var debate = await client.GetAsync(new Uri($"/debates/{id}", UriKind.Relative));
            return debate.StatusCode == HttpStatusCode.OK ? (object)true : null;
        }, () => $"debate {id} in the read model");
    }

    /// <summary>
    /// Whether an OTLP span in <paramref name="body"/> has <paramref name="traceId"/> and <paramref name="name"/>: a Span
    /// message writes its trace id (field 1, 16 bytes) first and its name (field 5) a few fields later.
    /// </summary>
    private static bool HasSpan(byte[] body, ActivityTraceId traceId, string name)
    {
        var id = new byte[16];
        traceId.CopyTo(id);
        var spanName = Encoding.UTF8.GetBytes(name);
        var span = body.AsSpan();
        int at;
        while ((at = span.IndexOf(id)) >= 0)
        {
            if (span.Slice(at, Math.Min(span.Length - at, 120)).IndexOf(spanName) >= 0)
            {
                return true;
            }

            span = span[(at + id.Length)..];
        }

        return false;
    }

    /// <summary>
    /// Whether the exposition has a sample matching <paramref name="pattern"/>: <c>name{*label*} value</c>, where the
    /// braces hold the labels that must appear among the sample's (<c>*</c> for any), and the value is a number the
    /// sample must equal, or, after <c>&gt;=</c>, at least reach.
    /// </summary>
    private static bool HasSample(string exposition, string pattern)
    {
        var open = pattern.IndexOf('{', StringComparison.Ordinal);
        var close = pattern.LastIndexOf('}');
        var name = pattern[..open];
        var labels = pattern[(open + 1)..close].Split('*', StringSplitOptions.RemoveEmptyEntries);
        var expected = pattern[(close + 1)..].Trim();
        var atLeast = expected.StartsWith(">=", StringComparison.Ordinal);
        var value = double.Parse(expected.TrimStart('>', '='), System.Globalization.CultureInfo.InvariantCulture);
        return exposition.Split('\n').Any(line =>
            line.StartsWith(name + "{", StringComparison.Ordinal)
            && labels.All(l => line.Contains(l, StringComparison.Ordinal))
            && double.TryParse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var actual)
            && (atLeast ? actual >= value : actual == value));
    }

    private static async Task<T> Until<T>(Func<Task<T?>> probe, Func<string> what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"Timed out after {Deadline.TotalSeconds} s waiting for {what()}.");
        return null!;
    }
}
