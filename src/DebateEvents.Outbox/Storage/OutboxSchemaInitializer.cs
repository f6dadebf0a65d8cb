using DebateEvents.Outbox.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Storage;

/// <summary>
/// Creates the database and the outbox tables at host start, before the dispatcher runs: EF's
/// EnsureCreated for a new database, then our idempotent DDL for a database that already existed.
/// No migrations or design-time tools are involved; an application that creates the tables with EF Core migrations
/// (the outbox entities are in its model) turns this off with <see cref="DebateEventsOutboxOptions.CreateSchema"/>.
/// </summary>
internal sealed class OutboxSchemaInitializer(IServiceScopeFactory scopes, OutboxContextFactory contexts,
    IOptions<DebateEventsOutboxOptions> options, ILogger<OutboxSchemaInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.CreateSchema)
        {
            return;
        }

        var scope = scopes.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var db = contexts.Resolve(scope.ServiceProvider);
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var dialect = settings.Dialect!;
        foreach (var statement in dialect.SchemaStatements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken).ConfigureAwait(false);
        }

        logger.LogInformation("Outbox schema ready in {Provider} for {DbContext}", dialect.Name, contexts.ContextType.Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
