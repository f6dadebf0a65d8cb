using System.Net.Http.Headers;
using System.Text;

namespace DebateEvents.Benchmarks.Drills;

/// <summary>
/// Generates malformed requests against <c>POST /events/{type}</c>, one kind after another from a seeded random:
/// mutated JSON, wrong field types, huge strings, unknown types, oversized bodies, bad headers, bad encodings.
/// Each answer must be a 4xx: the host refuses bad input with a clear error and never fails with a 5xx.
/// </summary>
internal sealed class MalformedRequests(int seed)
{
    private const string Valid = """{"debateId":"3f2b8f6e-64a5-4b0e-9d0f-2b2f0f5b7a11","question":"Fuzz?","participants":["claude","gemini"],"roundsPlanned":2,"initiatedBy":"fuzz","occurredAt":"2026-11-30T03:00:00Z"}""";
    private static readonly string[] WrongTypes =
    [
        """{"debateId":"not-a-guid","question":"q","participants":["a","b"],"roundsPlanned":2,"initiatedBy":"f","occurredAt":"2026-11-30T03:00:00Z"}""",
        """{"debateId":"3f2b8f6e-64a5-4b0e-9d0f-2b2f0f5b7a11","question":5,"participants":["a","b"],"roundsPlanned":2,"initiatedBy":"f","occurredAt":"2026-11-30T03:00:00Z"}""",
        """{"debateId":"3f2b8f6e-64a5-4b0e-9d0f-2b2f0f5b7a11","question":"q","participants":"a","roundsPlanned":2,"initiatedBy":"f","occurredAt":"2026-11-30T03:00:00Z"}""",
        """{"debateId":"3f2b8f6e-64a5-4b0e-9d0f-2b2f0f5b7a11","question":"q","participants":["a","b"],"roundsPlanned":"two","initiatedBy":"f","occurredAt":"2026-11-30T03:00:00Z"}""",
        """{"debateId":"3f2b8f6e-64a5-4b0e-9d0f-2b2f0f5b7a11","question":"q","participants":["a","b"],"roundsPlanned":99999999999999,"initiatedBy":"f","occurredAt":12}""",
        """{"debateId":"3f2b8f6e-64a5-4b0e-9d0f-2b2f0f5b7a11","round":-1,"participant":null,"position":"SIDEWAYS","content":[],"confidence":"high","occurredAt":"yesterday"}""",
        """{"decisionId":"3f2b8f6e-64a5-4b0e-9d0f-2b2f0f5b7a11","debateId":{},"decision":true,"decisionType":"NOPE","confidence":1e400,"implementationRequired":"yes","occurredAt":"2026-11-30T03:00:00Z"}""",
        "null", "[]", "\"text\"", "42", "{}", "", "{\"unknownField\":1}",
    ];

    private const string Noise = "{}[]\",:\\ 0e-\u0000\uFFFD";
    private static readonly string[] Types = ["DebateInitiated", "ArgumentSubmitted", "DecisionMade", "MetricRecorded", "EvolutionTriggered"];
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public const int Kinds = 9;

    /// <summary>The next malformed request and its kind's name.</summary>
    public (HttpRequestMessage Request, string Kind) Next()
    {
        lock (_gate)
        {
            var kind = _random.Next(Kinds);
            var type = Types[_random.Next(Types.Length)];
            return kind switch
            {
                0 => (Json(type, Mutate(Valid)), "mutated-json"),
                1 => (Json(type, WrongTypes[_random.Next(WrongTypes.Length)]), "wrong-types"),
                // Huge but refused (one participant breaks a domain rule, or the body is over the limit): accepted
                // events this size would push the valid ones out of the embedded cluster's 5 MB partitions.
                2 => (Json("DebateInitiated", Valid.Replace("Fuzz?", new string('x', _random.Next(100_000, 2_000_000)), StringComparison.Ordinal)
                    .Replace("[\"claude\",\"gemini\"]", "[\"solo\"]", StringComparison.Ordinal)), "huge-string"),
                3 => (Json(UnknownType(), Valid), "unknown-type"),
                // Mostly just over Kestrel's 30 MB limit; rarely, to keep the run short.
                4 when _random.Next(20) == 0 => (Json(type, "{\"question\":\"" + new string('y', 31 * 1024 * 1024) + "\"}"), "oversized-body"),
                4 => (Json(type, "{\"question\":\"" + new string('y', _random.Next(1, 4) * 1024 * 1024) + "\"}"), "large-body"),
                5 => (BadHeaders(type), "bad-headers"),
                6 => (Raw(type, RandomBytes(), "application/json"), "random-bytes"),
                7 => (Json(type, new string('[', _random.Next(65, 5000)) + new string(']', _random.Next(0, 5000))), "deep-nesting"),
                _ => (new HttpRequestMessage(_random.Next(2) == 0 ? HttpMethod.Put : HttpMethod.Delete, $"/events/{type}") { Content = new StringContent(Valid) }, "wrong-method"),
            };
        }
    }

    private string Mutate(string json)
    {
        var text = new StringBuilder(json);
        for (var i = _random.Next(1, 6); i > 0 && text.Length > 0; i--)
        {
            var at = _random.Next(text.Length);
            switch (_random.Next(4))
            {
                case 0: text.Remove(at, 1); break;
                case 1: text.Insert(at, Noise[_random.Next(Noise.Length)]); break;
                case 2: text[at] = (char)_random.Next(32, 127); break;
                default: text.Length = at; break;
            }
        }

        return text.ToString();
    }

    private string UnknownType() => _random.Next(4) switch
    {
        0 => "NoSuchEvent",
        1 => Uri.EscapeDataString(new string('Z', _random.Next(200, 3000))),
        2 => "%00%FF..%2F",
        _ => "debateinitiated.v2",
    };

    private HttpRequestMessage BadHeaders(string type)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/events/{type}") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Valid)) };
        switch (_random.Next(6))
        {
            case 0: request.Content.Headers.TryAddWithoutValidation("Content-Type", "text/plain"); break;
            case 1: request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-32"); break;
            case 2: request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nonsense"); break;
            case 3: request.Content.Headers.TryAddWithoutValidation("Content-Encoding", "gzip"); break;
            case 4: request.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 20_000)); break;
            default: request.Headers.TryAddWithoutValidation("X-Fuzz", new string('h', 40_000)); break;
        }

        return request;
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(1, 4096)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static HttpRequestMessage Json(string type, string body) =>
        Raw(type, Encoding.UTF8.GetBytes(body), "application/json");

    private static HttpRequestMessage Raw(string type, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, $"/events/{type}") { Content = content };
    }
}
