using DebateEvents.Kafka.Requests;
using DebateEvents.Kafka.Transport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace DebateEvents.Kafka;

/// <summary>Request/response over topics inside <c>x.AddRider(r => ...)</c>.</summary>
public static class KafkaRequestClientRegistrationExtensions
{
    /// <summary>
    /// Routes <typeparamref name="TRequest"/> to <paramref name="requestTopic"/>, keyed by <paramref name="keySelector"/>,
    /// and registers <see cref="IKafkaRequestClient{TRequest}"/>, which reads replies from <paramref name="responseTopic"/>
    /// (it must exist, with its partitions, before the first request). <paramref name="requestType"/> and
    /// <paramref name="responseType"/> are the <c>ce_type</c> names (default: the types' full names); the response type
    /// is checked against a reply's <c>ce_type</c>.
    /// </summary>
    public static void AddKafkaRequestClient<TRequest, TResponse>(this IRiderRegistrationConfigurator configurator, string requestTopic,
        string responseTopic, Func<TRequest, object?>? keySelector, string? requestType = null, string? responseType = null)
        where TRequest : class
        where TResponse : class
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestTopic);
        ArgumentException.ThrowIfNullOrWhiteSpace(responseTopic);
        var routing = configurator.GetOrAddRouting();
        routing.Routes.Add(requestTopic, keySelector, requestType);
        routing.Routes.AddConsumable(typeof(TResponse), responseType);
        configurator.TryAddSingleton<IKafkaRequestClient<TRequest>>(sp =>
        {
            var rider = sp.GetRequiredService<IKafkaRider>() as KafkaRider
                ?? throw new InvalidOperationException("Kafka request clients need the DebateEvents Kafka rider (r.UsingKafka).");
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("DebateEvents.Kafka.RequestClient");
            return new KafkaRequestClient<TRequest>(rider.Services, responseTopic, logger);
        });
    }
}
