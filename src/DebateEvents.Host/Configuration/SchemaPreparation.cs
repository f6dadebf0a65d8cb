using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Serialization;

namespace DebateEvents.Host.Configuration;

/// <summary>
/// At start, registers (embedded mode) or looks up (production, where automatic registration is off)
/// the Avro schema of every routed event, so a missing or incompatible schema stops the host at once
/// instead of failing the first publish.
/// </summary>
internal sealed class SchemaPreparation(EventRouteTable routes, AvroBodySerializer avro, ILogger<SchemaPreparation> logger) : IHostedService
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
