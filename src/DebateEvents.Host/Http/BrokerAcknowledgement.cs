using DebateEvents.Host.Embedded;
using DebateEvents.Outbox;

namespace DebateEvents.Host.Http;

/// <summary>
/// <c>?wait=true</c> on the publishing endpoints: watch for the broker's acknowledgement before the commit, then
/// answer 200 with the topic, partition and offset, or 202 with <c>acknowledged: false</c> when none came in time
/// (the event is committed and will be sent; only the answer did not wait for it).
/// </summary>
internal static class BrokerAcknowledgement
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Starts watching when the request asks to wait and Kafka is on; null otherwise.</summary>
    public static Task<DeliveredEvent?>? Watch(HttpRequest request, IServiceProvider services, Guid eventId, CancellationToken cancellationToken) =>
        request.Query["wait"] == "true" && services.GetService<KafkaConnection>() is not null
            ? services.GetRequiredService<IOutboxDeliveries>().WaitAsync(eventId, Timeout, cancellationToken)
            : null;

    /// <summary>The answer once the commit is done: 200 with where the record went, or 202.</summary>
    public static async Task<IResult> AnswerAsync(Task<DeliveredEvent?>? watch, string location, Guid eventId, string type)
    {
        if (watch is null)
        {
            return Results.Accepted(location, new { eventId, type });
        }

        return await watch.ConfigureAwait(false) is { } delivered
            ? Results.Ok(new { eventId, type, acknowledged = true, delivered.Topic, delivered.Partition, delivered.Offset })
            : Results.Accepted(location, new { eventId, type, acknowledged = false });
    }
}
