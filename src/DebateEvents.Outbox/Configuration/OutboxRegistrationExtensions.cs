using DebateEvents.Kafka;
using DebateEvents.Outbox.Cleanup;
using DebateEvents.Outbox.DeadLetter;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Diagnostics;
using DebateEvents.Outbox.Publishing;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DebateEvents.Outbox.Configuration;

/// <summary>Registers the EF Core transactional outbox and inbox: <c>x.AddDebateEventsOutbox&lt;TDbContext&gt;(o =&gt; o.UseSqlite())</c>.</summary>
public static class OutboxRegistrationExtensions
{
    /// <summary>
    /// Stores routed events published in a unit of work as rows of <typeparamref name="TDbContext"/>
    /// (whose model must call <see cref="OutboxModelBuilderExtensions.AddOutboxEntities"/>), forwards
    /// committed rows to Kafka with a background dispatcher, and adds the dead-letter API, cleanup,
    /// metrics and the <c>debate-events-outbox</c> health check. Works on the MassTransit registration
    /// configurator (<c>x</c> in <c>AddMassTransit</c>) or any service collection; the bus also needs
    /// <see cref="OutboxBusConfiguratorExtensions.UseDebateEventsOutbox"/>.
    /// Settings bind from <see cref="DebateEventsOutboxOptions.SectionName"/>, then <paramref name="configure"/> applies.
    /// </summary>
    public static IServiceCollection AddDebateEventsOutbox<TDbContext>(this IServiceCollection services, Action<DebateEventsOutboxOptions> configure)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var probe = new DebateEventsOutboxOptions();
        configure(probe);
        var routing = services.GetOrAddRouting();
        foreach (var register in probe.RouteRegistrations)
        {
            register(routing.Routes);
        }

        services.AddOptions<DebateEventsOutboxOptions>()
            .Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection(DebateEventsOutboxOptions.SectionName).Bind(options))
            .Configure(configure)
            .Validate(o => o.Dialect is not null, "Choose the outbox store with UseSqlite() or UsePostgres().")
            .Validate(o => !o.EnableDispatcher || !string.IsNullOrWhiteSpace(o.BootstrapServers), "The outbox dispatcher needs BootstrapServers.")
            .Validate(o => o.BatchSize > 0 && o.Buckets > 0 && o.MaxAttempts > 0, "BatchSize, Buckets and MaxAttempts must be positive.")
            .Validate(o => !o.RedeliverOnStart || o.RedeliveryWindow >= o.DeliveredRetention,
                "RedeliveryWindow must be at least DeliveredRetention, or delivered rows still kept would not be sent again at start.")
            .Validate(o => !o.RedeliverOnStart || o.Dialect is not { SupportsSeveralInstances: true },
                "RedeliverOnStart is for one process with its own broker; instances sharing a database would resend each other's rows.")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new OutboxContextFactory(typeof(TDbContext)));
        services.AddSingleton<OutboxRecordWriter>();
        services.AddScoped(typeof(OutboxPublishFilter<>));
        services.AddScoped<IEventOutbox, EventOutbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteTransactionInterceptor>();
        services.AddSingleton<SqliteConnectionInterceptor>();
        services.AddSingleton<OutboxRowInserter>();
        services.AddSingleton<OutboxSaveChangesInterceptor>();
        services.ConfigureDbContext<TDbContext>((provider, builder) => builder.AddInterceptors(
            provider.GetRequiredService<SqliteConnectionInterceptor>(),
            provider.GetRequiredService<SqliteTransactionInterceptor>(),
            provider.GetRequiredService<OutboxSaveChangesInterceptor>()));

        services.AddSingleton<OutboxStore>();
        services.AddSingleton<BucketLeases>();
        services.AddSingleton<BrokerReachability>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<IOutboxTransport, KafkaOutboxTransport>();
        services.AddSingleton<IOutboxDeadLetters, OutboxDeadLetters>();
        services.AddSingleton<OutboxCleanup>();
        services.AddSingleton<OutboxDispatcher>();

        // Schema first, then redelivery, then the dispatcher: hosted services start in registration order.
        services.AddHostedService<OutboxSchemaInitializer>();
        services.AddHostedService<OutboxRedelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<OutboxCleanupService>();
        services.AddHostedService<SqliteCheckpointService>();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("debate-events-outbox", tags: ["outbox", "ready"]);
        return services;
    }
}
