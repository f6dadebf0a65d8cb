using DebateEvents.Outbox.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>Runs the chosen database's background upkeep (<see cref="OutboxDialect.MaintainAsync"/>) while the host runs.</summary>
internal sealed class OutboxStorageUpkeep(IServiceProvider services, IOptions<DebateEventsOutboxOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => options.Value.Dialect!.MaintainAsync(services, stoppingToken);
}
