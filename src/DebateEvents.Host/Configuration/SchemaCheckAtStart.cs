using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Serialization;

namespace DebateEvents.Host.Configuration;

/// <summary>
/// At start, looks up (production, where automatic registration is off) or registers (embedded mode) the Avro
/// schema of every routed event, so a missing or incompatible schema stops the host at once instead of failing
/// the first publish. Publishing itself does not need it: the outbox serializes asynchronously and fetches a
/// schema on first use. In embedded mode it also keeps schema ids stable across restarts: the fresh registry
/// hands out ids in the order schemas arrive, and registering them in route order, before anything is
/// published, gives every schema the id the outbox rows kept from before the restart carry.
/// </summary>
internal sealed class SchemaCheckAtStart(EventRouteTable routes, AvroBodySerializer avro, ILogger<SchemaCheckAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var route in routes.Routes)
        {
            await avro.PrepareAsync(route.MessageType, route.Topic, cancellationToken);
        }

        logger.LogInformation("Avro schemas ready for {Count} event types", routes.Routes.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
