using Confluent.Kafka;
using DebateEvents.Host.DeadLetters;
using DebateEvents.Host.Topics;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>GET /kafka/topics/{name}/records?limit=</c>: a topic's newest records, newest first, with key, headers and the body
/// decoded through the schema registry; read without joining a group or committing.
/// </summary>
public static class KafkaRecordEndpoints
{
    /// <summary>Maps the record browsing endpoint.</summary>
    public static IEndpointRouteBuilder MapKafkaRecordEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.ServiceProvider;
        var catalog = services.GetRequiredService<TopicCatalog>();
        var reader = services.GetRequiredService<DeadLetterReader>();
        var decoder = services.GetRequiredService<DeadLetterBodyDecoder>();

        app.MapGet("/kafka/topics/{name}/records", async (string name, int? limit, CancellationToken ct) =>
        {
            if (limit is < 1 or > 200)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit lies between 1 and 200."] });
            }

            try
            {
                if (await catalog.FindAsync(name, ct) is not { } topic)
                {
                    return KafkaProblems.UnknownTopic(name);
                }

                var count = limit ?? 20;
                // The newest `count` of each partition hold the newest `count` of the topic.
                var records = await reader.ReadAsync(name, topic.Partitions.Select(p => p.PartitionId),
                    (_, marks) => (marks.High.Value - count, marks.High.Value), ct);
                var views = new List<RecordView>();
                foreach (var record in records.OrderByDescending(r => r.Message.Timestamp.UnixTimestampMs).ThenByDescending(r => r.Offset.Value).Take(count))
                {
                    views.Add(await RecordView.FromAsync(record, decoder, ct));
                }

                return Results.Ok(new { topic = name, records = views });
            }
            catch (KafkaException ex)
            {
                return KafkaProblems.Unavailable(ex);
            }
        });
        return app;
    }
}
