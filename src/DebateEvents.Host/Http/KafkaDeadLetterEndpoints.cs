using Confluent.Kafka;
using DebateEvents.Host.DeadLetters;
using DebateEvents.Host.Topics;
using DebateEvents.Kafka;

namespace DebateEvents.Host.Http;

/// <summary>
/// A domain topic's dead letters (<c>{topic}.dead-letter</c>): <c>GET /kafka/dead-letters/{topic}</c> lists them decoded,
/// <c>POST /kafka/dead-letters/{topic}/replay</c> sends chosen ones, or all, back to the topic.
/// </summary>
public static class KafkaDeadLetterEndpoints
{
    /// <summary>Maps the dead-letter endpoints.</summary>
    public static IEndpointRouteBuilder MapKafkaDeadLetterEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ServiceProvider;
        var catalog = services.GetRequiredService<TopicCatalog>();
        var reader = services.GetRequiredService<DeadLetterReader>();
        var decoder = services.GetRequiredService<DeadLetterBodyDecoder>();

        app.MapGet("/kafka/dead-letters/{topic}", (string topic, long? from, int? limit, CancellationToken ct) =>
            Answer(() => ListAsync(topic, from, limit, catalog, reader, decoder, ct)));
        app.MapPost("/kafka/dead-letters/{topic}/replay", (string topic, HttpRequest request, IEventRecordProducer producer, CancellationToken ct) =>
            Answer(() => ReplayAsync(topic, request, catalog, new DeadLetterReplayer(reader, producer), ct)));
        return app;
    }

    private static async Task<IResult> ListAsync(string topic, long? from, int? limit, TopicCatalog catalog, DeadLetterReader reader,
        DeadLetterBodyDecoder decoder, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000 || from is < 0)
        {
            var field = from is < 0 ? "from" : "limit";
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                [field] = [field == "from" ? "from is an offset, 0 or more." : "limit lies between 1 and 1000."],
            });
        }

        var deadLetterTopic = TopicNames.DeadLetter(topic);
        if (await catalog.FindAsync(deadLetterTopic, cancellationToken) is not { } metadata)
        {
            return KafkaProblems.UnknownTopic(deadLetterTopic);
        }

        var start = from ?? 0;
        var records = await reader.ReadAsync(deadLetterTopic, metadata.Partitions.Select(p => p.PartitionId),
            (_, marks) => (Math.Max(start, marks.Low.Value), Math.Max(start, marks.Low.Value) + (limit ?? 100)), cancellationToken);
        var views = new List<DeadLetterView>(records.Count);
        foreach (var record in records)
        {
            views.Add(await DeadLetterView.FromAsync(record, decoder, cancellationToken));
        }

        return Results.Ok(new { topic, deadLetterTopic, records = views });
    }

    private static async Task<IResult> ReplayAsync(string topic, HttpRequest request, TopicCatalog catalog, DeadLetterReplayer replayer,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await KafkaProblems.ReadBodyAsync<ReplayRequest>(request, "replay request", cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        var deadLetterTopic = TopicNames.DeadLetter(topic);
        var metadata = await catalog.FindAsync(deadLetterTopic, cancellationToken);
        if (metadata is null || await catalog.FindAsync(topic, cancellationToken) is null)
        {
            return KafkaProblems.UnknownTopic(metadata is null ? deadLetterTopic : topic);
        }

        if (Check(body, metadata.Partitions.Count) is { } errors)
        {
            return Results.ValidationProblem(errors, title: "The replay request has bad values");
        }

        var (found, missing) = await replayer.SelectAsync(deadLetterTopic, metadata.Partitions.Count, body, cancellationToken);
        if (missing.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown dead letters",
                detail: $"{deadLetterTopic} holds no record at {string.Join(", ", missing.Select(p => $"{p.Partition}/{p.Offset}"))}; nothing was replayed.");
        }

        return Results.Ok(new { topic, replayed = await replayer.ReplayAsync(topic, found, cancellationToken) });
    }

    private static Dictionary<string, string[]>? Check(ReplayRequest request, int partitions)
    {
        if (request.All == (request.Offsets is { Count: > 0 }))
        {
            return new() { ["offsets"] = ["Give either a non-empty offsets list or \"all\": true."] };
        }

        var bad = (request.Offsets ?? []).Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Partition < 0 || x.p.Partition >= partitions || x.p.Offset < 0);
        return bad.p is null ? null : new()
        {
            [$"offsets[{bad.i}]"] = [$"partition lies between 0 and {partitions - 1}, offset is 0 or more."],
        };
    }

    private static async Task<IResult> Answer(Func<Task<IResult>> handler)
    {
        try
        {
            return await handler();
        }
        catch (KafkaException ex)
        {
            return KafkaProblems.Unavailable(ex);
        }
    }
}
