using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Outbox.Storage;

/// <summary>Resolves the application's DbContext type that holds the outbox, from a scope.</summary>
internal sealed class OutboxContextFactory(Type contextType)
{
    public Type ContextType { get; } = contextType;

    public DbContext Resolve(IServiceProvider scope) => (DbContext)scope.GetRequiredService(ContextType);
}
