using DebateEvents.Host.ReadModels;
using DebateEvents.Outbox.Configuration;
using Microsoft.EntityFrameworkCore;

namespace DebateEvents.Host.Database;

/// <summary>
/// The host's database as configured: SQLite or PostgreSQL (<see cref="DatabaseOptions"/>), the read models, the outbox
/// and the inbox in it, and its schema from the provider's EF Core migrations.
/// </summary>
internal static class DatabaseRegistration
{
    /// <summary>
    /// Registers the provider's context, also as <see cref="DebateDbContext"/> (one instance per scope, so processors and
    /// the outbox share its transaction), and the migrations at start, ahead of every other hosted service that uses it.
    /// </summary>
    /// <exception cref="InvalidOperationException">An unknown provider, or PostgreSQL without a connection string.</exception>
    public static DatabaseOptions AddDebateDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var connection = configuration.GetConnectionString("Debates");
        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException(
                    "Database:Provider is postgres but ConnectionStrings:Debates (DEBATE_EVENTS_DATABASE_CONNECTION) is not set; give the PostgreSQL connection string.");
            }

            AddContext<PostgresDebateDbContext>(services, o => o.UseNpgsql(connection));
        }
        else
        {
            AddContext<SqliteDebateDbContext>(services, o => o.UseSqlite(string.IsNullOrWhiteSpace(connection) ? DatabaseOptions.DefaultSqliteConnection : connection));
        }

        services.AddHostedService<DatabaseMigrations>();
        return options;
    }

    /// <summary>
    /// The outbox and inbox in the host's database with the provider's dialect. Their tables come from the host's
    /// migrations, so the outbox does not create them itself.
    /// </summary>
    public static void AddDebateOutbox(this IServiceCollection services, DatabaseOptions database, Action<DebateEventsOutboxOptions> configure)
    {
        if (database.IsPostgres)
        {
            services.AddDebateEventsOutbox<PostgresDebateDbContext>(o => Configure(o.UsePostgres(), configure));
        }
        else
        {
            services.AddDebateEventsOutbox<SqliteDebateDbContext>(o => Configure(o.UseSqlite(), configure));
        }
    }

    private static void Configure(DebateEventsOutboxOptions options, Action<DebateEventsOutboxOptions> configure)
    {
        options.CreateSchema = false;
        configure(options);
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : DebateDbContext
    {
        services.AddDbContext<TContext>(configure);
        services.AddScoped<DebateDbContext>(provider => provider.GetRequiredService<TContext>());
    }
}
