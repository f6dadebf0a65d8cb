using DebateEvents.Kafka;
using DebateEvents.Outbox.Cleanup;
using DebateEvents.Outbox.DeadLetter;
using DebateEvents.Outbox.Delivery;
using DebateEvents.Outbox.Diagnostics;
using DebateEvents.Outbox.Publishing;
using DebateEvents.Outbox.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
    /// Settings bind from <see cref="DebateEventsOutboxOptions.SectionName"/>, then <paramref name="configure"/> applies, once,
    /// when the options are first needed (at host start); it must choose the database (<c>o.UseSqlite()</c> or <c>o.UsePostgres()</c>).
    /// </summary>
    public static IServiceCollection AddDebateEventsOutbox<TDbContext>(this IServiceCollection services, Action<DebateEventsOutboxOptions> configure)
        where TDbContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.GetOrAddRouting();
        services.AddOptions<DebateEventsOutboxOptions>()
            .BindConfiguration(DebateEventsOutboxOptions.SectionName)
            .Configure(configure)
            .PostConfigure<KafkaEventRouting>((options, routing) => options.AddRoutesTo(routing.Routes))
            .Validate(o => o.Dialect is not null,
                "Choose the outbox store with UseSqlite() (package DebateEvents.Outbox.Sqlite) or UsePostgres() (DebateEvents.Outbox.PostgreSql).")
            .Validate(o => !o.EnableDispatcher || !string.IsNullOrWhiteSpace(o.BootstrapServers), "The outbox dispatcher needs BootstrapServers.")
            .Validate(o => o.BatchSize > 0 && o.Buckets > 0 && o.MaxAttempts > 0, "BatchSize, Buckets and MaxAttempts must be positive.")
            .Validate(o => !o.RedeliverOnStart || o.RedeliveryWindow >= o.DeliveredRetention,
                "RedeliveryWindow must be at least DeliveredRetention, or delivered rows still kept would not be sent again at start.")
            .Validate(o => !o.RedeliverOnStart || o.Dialect is not { SupportsSeveralInstances: true },
                "RedeliverOnStart is for one process with its own broker; instances sharing a database would resend each other's rows.")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        AddPublishing<TDbContext>(services);
        AddStorage<TDbContext>(services);
        AddDelivery(services);

        // Schema first, then redelivery, then the dispatcher: hosted services start in registration order.
        services.AddHostedService<OutboxSchemaInitializer>();
        services.AddHostedService<OutboxRedelivery>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        services.AddHostedService<OutboxCleanupService>();
        services.AddHostedService<OutboxStorageUpkeep>();
        services.AddHealthChecks().AddCheck<OutboxHealthCheck>("debate-events-outbox", tags: ["outbox", "ready"]);
        return services;
    }

    private static void AddPublishing<TDbContext>(IServiceCollection services)
        where TDbContext : DbContext
    {
        services.AddSingleton(new OutboxContextFactory(typeof(TDbContext)));
        services.AddSingleton<OutboxRecordWriter>();
        services.AddScoped(typeof(OutboxPublishFilter<>));
        services.AddScoped<IEventOutbox, EventOutbox>();
    }

    private static void AddStorage<TDbContext>(IServiceCollection services)
        where TDbContext : DbContext
    {
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxRowInserter>();
        services.AddSingleton<OutboxSaveChangesInterceptor>();

        // The chosen database's own interceptors (SQLite: pragmas and the write gate) go first, so its transaction
        // rules hold before the outbox opens a transaction of its own.
        services.ConfigureDbContext<TDbContext>((provider, builder) => builder.AddInterceptors(
        [
            .. provider.GetRequiredService<IOptions<DebateEventsOutboxOptions>>().Value.Dialect!.Interceptors,
            provider.GetRequiredService<OutboxSaveChangesInterceptor>(),
        ]));
    }

    private static void AddDelivery(IServiceCollection services)
    {
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<BrokerReachability>();
        services.AddSingleton<OutboxMetrics>();
        services.AddSingleton<IOutboxTransport, KafkaOutboxTransport>();
        services.AddSingleton<IOutboxDeadLetters, OutboxDeadLetters>();
        services.AddSingleton<IOutboxBacklog, OutboxBacklog>();
        services.AddSingleton<OutboxCleanup>();
        services.AddSingleton<DeliveryOutcomes>();
        services.AddSingleton<DeliveryWaiters>();
        services.AddSingleton<IOutboxDeliveries>(provider => provider.GetRequiredService<DeliveryWaiters>());
        services.AddSingleton<IOutboxDeliveryObserver>(provider => provider.GetRequiredService<DeliveryWaiters>());
        services.AddSingleton<OutboxDispatcher>();
    }
}
