using System.Collections.Concurrent;
using DebateEvents.Kafka.Consumers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// The running topic consumers of a rider, by endpoint name, for the health checks; and the registration
/// of one health check per endpoint when it first starts. Endpoints are declared in the rider's
/// configuration callback, which runs when the bus is built, long after health checks were set up, so
/// their checks join the registrations then (resolving the options earlier would re-enter bus creation).
/// </summary>
internal sealed class TopicEndpointHealth
{
    private readonly ConcurrentDictionary<string, TopicConsumer> _consumers = new(StringComparer.Ordinal);
    private readonly Lazy<HealthCheckServiceOptions?> _healthChecks;

    public TopicEndpointHealth(Func<HealthCheckServiceOptions?>? healthChecks = null)
    {
        _healthChecks = new Lazy<HealthCheckServiceOptions?>(healthChecks ?? (() => null));
    }

    public IReadOnlyDictionary<string, TopicConsumer> Consumers => _consumers;

    /// <summary>A consumer of <paramref name="endpoint"/> started: track it, and register the endpoint's health check once.</summary>
    public void Add(string endpoint, TopicConsumer consumer)
    {
        Register(endpoint);
        _consumers[endpoint] = consumer;
    }

    private void Register(string endpoint)
    {
        if (_healthChecks.Value is not { } healthChecks)
        {
            return;
        }

        var name = TopicEndpointHealthCheck.NameOf(endpoint);
        lock (healthChecks)
        {
            if (healthChecks.Registrations.All(r => r.Name != name))
            {
                healthChecks.Registrations.Add(new HealthCheckRegistration(name, _ => new TopicEndpointHealthCheck(endpoint, this),
                    failureStatus: null, tags: ["kafka", "ready"]));
            }
        }
    }

    public void Remove(string endpoint, TopicConsumer consumer) => _consumers.TryRemove(new KeyValuePair<string, TopicConsumer>(endpoint, consumer));
}
