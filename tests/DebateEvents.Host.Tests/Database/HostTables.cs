using DebateEvents.Host.ReadModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Host.Tests.Database;

/// <summary>Reads a running host's database through its own DbContext, whichever provider it is on.</summary>
internal static class HostTables
{
    public static async Task<T> Query<T>(IServiceProvider services, Func<DebateDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DebateDbContext>());
    }

    public static Task<long> Count(IServiceProvider services, string sql) =>
        Query(services, db => db.Database.SqlQueryRaw<long>(sql).SingleAsync());

    public static Task<(string? Provider, List<string> Applied, List<string> All)> Migrations(IServiceProvider services) =>
        Query(services, async db => (db.Database.ProviderName, (await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
}
