using DebateEvents.Avro.Registry;
using DebateEvents.Host.Database;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Health;
using DebateEvents.Host.Processors;
using DebateEvents.Host.Webhooks;
using DebateEvents.Kafka;
using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Serialization;
using DebateEvents.Embedded;
using DebateEvents.Outbox.Configuration;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DebateEvents.Host.Configuration;

/// <summary>
/// <c>services.AddDebateEvents(configuration)</c>: the whole bridge as the host runs it. Kafka
/// (embedded or configured), the SQLite or PostgreSQL database with the read models and the outbox, Avro bodies
/// through a schema registry, the MassTransit bus with the Kafka rider and the domain processors.
/// </summary>
public static class DebateEventsRegistration
{
    /// <summary>Registers everything the host needs.</summary>
    public static IServiceCollection AddDebateEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KafkaOptions>().BindConfiguration(KafkaOptions.Section).ValidateDataAnnotations()
            .Validate(o => !o.EnableAutoCommit, "Kafka:EnableAutoCommit must stay false: the bridge commits the offsets of processed records itself, "
                + "and auto-commit would commit records not yet processed and lose them on a crash.")
            .ValidateOnStart();
        services.AddOptions<Settings.ApiKeyOptions>().BindConfiguration(Settings.ApiKeyOptions.Section)
            .Validate(o => string.IsNullOrEmpty(o.Key) || o.Key.Length >= 16, "Api:Key (DEBATE_EVENTS_API_KEY) must be 16 characters or more.")
            .ValidateOnStart();
        services.AddOptions<KafkaConnectionOptions>().BindConfiguration(KafkaOptions.Section);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddOptions<Simulation.SimulatorOptions>().BindConfiguration(Simulation.SimulatorOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<Simulation.DebateSimulator>();
        var kafka = configuration.GetSection(KafkaOptions.Section).Get<KafkaOptions>() ?? new KafkaOptions();
        // First: its migrations run before any other hosted service touches the database.
        var database = services.AddDebateDatabase(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MetricWindows>();
        services.AddHttpClient<WebhookClient>();
        if (kafka.Enabled)
        {
            AddKafkaPipeline(services, configuration, kafka, database);
        }
        else
        {
            InProcessPipeline.Add(services, database);
        }

        return services;
    }

    /// <summary>Events go from the outbox to Kafka and back to the processors through the rider's topic endpoints.</summary>
    private static void AddKafkaPipeline(IServiceCollection services, IConfiguration configuration, KafkaOptions kafka, DatabaseOptions database)
    {
        services.AddSingleton<KafkaConnection>();
        // What the Kafka API reads the cluster with (topics, records, dead letters): one of each for every endpoint.
        services.AddSingleton<Topics.ClusterClients>();
        services.AddSingleton<Topics.TopicCatalog>();
        services.AddSingleton<DeadLetters.DeadLetterReader>();
        services.AddSingleton(DeadLetters.DeadLetterBodyDecoder.For);
        services.AddSingleton<Stats.KafkaTrafficStats>();
        services.AddHostedService<Stats.PipelineSummary>();
        services.AddSingleton<Stats.RateHistory>();
        services.AddHostedService(provider => provider.GetRequiredService<Stats.RateHistory>());
        services.AddSingleton<KafkaHealthCheck>();
        services.AddHealthChecks().AddCheck<KafkaHealthCheck>("kafka", tags: ["ready"]);
        var avro = AddAvro(services, configuration, kafka.IsEmbedded);
        services.AddHostedService<SchemaCheckAtStart>();
        // The embedded cluster forgets everything when the process dies: resend what it may still have held (README).
        // Not on PostgreSQL, which instances share: one would resend the others' rows.
        services.AddDebateOutbox(database, o => o.RedeliverOnStart = kafka.IsEmbedded && !database.IsPostgres);
        services.AddOptions<Outbox.Configuration.DebateEventsOutboxOptions>()
            .Configure<KafkaConnection>((o, connection) => o.Connection = connection.Options);

        services.AddMassTransit(x =>
        {
            x.AddRider(r =>
            {
                r.AddDomainProcessors();
                r.AddDomainProducers(kafka.TopicPrefix);
                r.AddDebateAnalysis(kafka);
                r.UseBodySerializer(avro);
                r.SetEventSource("urn:debate-events:host");
                r.UsingKafka((context, k) =>
                {
                    k.ConfigureDomainEndpoints(context, kafka);
                    k.ConfigureAnalysisEndpoint(context, kafka);
                });
            });
            x.UsingInMemory((context, bus) =>
            {
                bus.UseDebateEventsOutbox(context);
                bus.ConfigureEndpoints(context);
            });
        });
    }

    private static AvroBodySerializer AddAvro(IServiceCollection services, IConfiguration configuration, bool embedded)
    {
        var options = configuration.GetSection("SchemaRegistry").Get<SchemaRegistryOptions>() ?? new SchemaRegistryOptions();
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            if (!embedded)
            {
                throw new InvalidOperationException("SchemaRegistry:Url is required when Kafka:BootstrapServers is set.");
            }

            // Embedded mode: a Schema Registry on a loopback port that accepts our own schemas as they are,
            // reached through Confluent's client like any other.
            var embeddedRegistry = EmbeddedSchemaRegistry.Start(configuration.GetValue("SchemaRegistry:EmbeddedPort", 0));
            services.AddSingleton(embeddedRegistry);
            services.AddHostedService<EmbeddedSchemaRegistryLifetime>();
            options.Url = embeddedRegistry.Url;
            options.AutoRegisterSchemas = true;
        }

        var registry = options.CreateClient();
        var avro = new AvroBodySerializer(registry, options);
        services.AddSingleton(registry);
        services.AddSingleton(options);
        services.AddSingleton(avro);
        return avro;
    }
}
