using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Diagnostics;
using DebateEvents.Kafka.Routing;
using DebateEvents.Kafka.Serialization;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DebateEvents.Kafka;

/// <summary>
/// Entry points inside <c>x.AddRider(r => ...)</c>: <c>r.UsingKafka</c>, <c>r.AddProducer&lt;T&gt;</c> and the
/// serializer and source settings. Besides the rider they register, as singletons:
/// <see cref="KafkaEventRouting"/>, <see cref="EventRouteTable"/>, <see cref="EventRecordBuilder"/>,
/// <see cref="IEventRecordProducer"/> and one <see cref="ITopicProducer{T}"/> per produced type.
/// </summary>
public static class KafkaRiderRegistrationExtensions
{
    /// <summary>Adds the Kafka rider; <paramref name="configure"/> runs when the bus is created.</summary>
    public static void UsingKafka(this IRiderRegistrationConfigurator configurator, Action<IRiderRegistrationContext, IKafkaRiderConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(configure);
        GetOrAddRouting(configurator);
        configurator.SetRiderFactory(new KafkaRiderFactory(configure));
        configurator.AddMetrics();
        configurator.TryAddSingleton<IEventRecordProducer>(sp => sp.GetRequiredService<IKafkaRider>().RecordProducer);
        configurator.AddHealthChecks().AddCheck<KafkaRiderHealthCheck>("kafka-rider", tags: ["kafka", "ready"]);
    }

    /// <summary>
    /// Routes <typeparamref name="T"/> to <paramref name="topic"/>, keyed by <paramref name="keySelector"/>,
    /// and registers <see cref="ITopicProducer{T}"/>. <paramref name="eventType"/> (the <c>ce_type</c>)
    /// defaults to the type's full name.
    /// </summary>
    public static void AddProducer<T>(this IRiderRegistrationConfigurator configurator, string topic, Func<T, object?>? keySelector,
        string? eventType = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(configurator);
        GetOrAddRouting(configurator).Routes.Add(topic, keySelector, eventType);
        configurator.TryAddSingleton<ITopicProducer<T>>(sp => sp.GetRequiredService<IKafkaRider>().GetProducer<T>());
    }

    /// <summary>
    /// Writes bodies with <paramref name="serializer"/>: for <paramref name="topic"/> only, or for every topic
    /// without its own serializer when <paramref name="topic"/> is null. Consumers pick the serializer by
    /// each record's <c>content-type</c>.
    /// </summary>
    public static void UseBodySerializer(this IRiderRegistrationConfigurator configurator, IEventBodySerializer serializer, string? topic = null)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        var routing = GetOrAddRouting(configurator);
        if (topic is null)
        {
            routing.UseDefaultSerializer(serializer);
        }
        else
        {
            routing.UseSerializer(topic, serializer);
        }
    }

    /// <summary>Sets the <c>ce_source</c> URI written on every produced record.</summary>
    public static void SetEventSource(this IRiderRegistrationConfigurator configurator, string source)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        GetOrAddRouting(configurator).Source = source;
    }

    /// <summary>
    /// The container's one <see cref="KafkaEventRouting"/>, added on first use together with its route
    /// table and record builder, so other packages (the outbox) can share it while registering services.
    /// </summary>
    public static KafkaEventRouting GetOrAddRouting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.FirstOrDefault(d => d.ServiceType == typeof(KafkaEventRouting))?.ImplementationInstance is KafkaEventRouting existing)
        {
            return existing;
        }

        var routing = new KafkaEventRouting();
        services.AddSingleton(routing);
        services.TryAddSingleton(routing.Routes);
        services.TryAddSingleton(sp => sp.GetRequiredService<KafkaEventRouting>().CreateRecordBuilder());
        return routing;
    }
}
