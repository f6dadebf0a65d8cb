using DebateEvents.Outbox.Configuration;
using DebateEvents.Outbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DebateEvents.Outbox.Tests.Configuration;

public sealed class OutboxRegistrationTests
{
    [Fact]
    public void AddDebateEventsOutbox_BindsTheSectionThenRunsTheCallbackOnce()
    {
        var calls = 0;
        using var provider = Build(b => b.UseSqlite("Data Source=unused.db"), o =>
        {
            calls++;
            o.UseSqlite();
            o.PollInterval = TimeSpan.FromMilliseconds(300);
        });

        var options = provider.GetRequiredService<IOptions<DebateEventsOutboxOptions>>().Value;
        _ = provider.GetRequiredService<IOptions<DebateEventsOutboxOptions>>().Value;

        Assert.Equal(1, calls);
        Assert.Equal(7, options.BatchSize);
        Assert.Equal(TimeSpan.FromMinutes(20), options.RedeliveryWindow);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.PollInterval);
        Assert.Equal("broker:9092", options.Connection.BootstrapServers);
    }

    [Fact]
    public void UseSqlite_PutsItsConnectionAndTransactionInterceptorsAheadOfTheOutbox()
    {
        using var provider = Build(b => b.UseSqlite("Data Source=unused.db"), o => o.UseSqlite());

        Assert.Equal(["SqliteConnectionInterceptor", "SqliteTransactionInterceptor", "OutboxSaveChangesInterceptor"], InterceptorsOf(provider));
    }

    [Fact]
    public void UsePostgres_RegistersNoSqliteInterceptors()
    {
        using var provider = Build(b => b.UseNpgsql("Host=127.0.0.1;Database=unused"), o => o.UsePostgres());

        Assert.Equal(["OutboxSaveChangesInterceptor"], InterceptorsOf(provider));
    }

    [Fact]
    public void AddDebateEventsOutbox_WithoutADatabase_FailsNamingBothPackages()
    {
        using var provider = Build(b => b.UseSqlite("Data Source=unused.db"), _ => { });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DebateEventsOutboxOptions>>().Value);
        Assert.Contains("DebateEvents.Outbox.Sqlite", error.Message);
        Assert.Contains("DebateEvents.Outbox.PostgreSql", error.Message);
    }

    private static ServiceProvider Build(Action<DbContextOptionsBuilder> database, Action<DebateEventsOutboxOptions> configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DebateEvents:Outbox:BatchSize"] = "7",
            ["DebateEvents:Outbox:RedeliveryWindow"] = "00:20:00",
            ["DebateEvents:Outbox:Connection:BootstrapServers"] = "broker:9092",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddDbContext<DebateDbContext>(database);
        services.AddDebateEventsOutbox<DebateDbContext>(configure);
        return services.BuildServiceProvider();
    }

    private static string[] InterceptorsOf(IServiceProvider provider)
    {
        using var scope = provider.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<DbContextOptions<DebateDbContext>>();
        return [.. options.FindExtension<CoreOptionsExtension>()!.Interceptors!.Select(i => i.GetType().Name)];
    }
}
