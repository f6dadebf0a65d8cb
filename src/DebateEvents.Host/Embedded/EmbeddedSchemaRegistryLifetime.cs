using DebateEvents.Embedded;

namespace DebateEvents.Host.Embedded;

/// <summary>Logs the embedded Schema Registry's address at start and stops it with the host.</summary>
internal sealed class EmbeddedSchemaRegistryLifetime(EmbeddedSchemaRegistry registry, ILogger<EmbeddedSchemaRegistryLifetime> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Embedded Schema Registry listening on {SchemaRegistryUrl}", registry.Url);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await registry.DisposeAsync().ConfigureAwait(false);
}
