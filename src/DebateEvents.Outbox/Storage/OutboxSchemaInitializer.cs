using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Publishing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Creates the database and the outbox tables at host start, before the dispatcher runs: EF's
/// EnsureCreated for a new database, then our idempotent DDL for a database that already existed.
/// No migrations or design-time tools are involved.
/// </summary>
internal sealed class OutboxSchemaInitializer(IServiceScopeFactory scopes, OutboxContextFactory contexts, BucketLeases leases,
    IOptions<DebateEventsOutboxOptions> options, ILogger<OutboxSchemaInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.CreateSchema)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = contexts.Resolve(scope.ServiceProvider);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        foreach (var statement in settings.Dialect!.SchemaStatements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        if (settings.Dialect.SupportsSeveralInstances)
        {
            await leases.SeedAsync(db, cancellationToken);
        }

        logger.LogInformation("Outbox schema ready in {Provider} for {DbContext}", settings.Dialect.Name, contexts.ContextType.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
