using System.Collections.Concurrent;
using DebateEvents.Kafka.Consumers;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Kafka.Diagnostics;

/// <summary>
/// The running topic endpoints of a rider (their supervisors), by endpoint name, for the health checks; and the registration
/// of one health check per endpoint when it first starts. Endpoints are declared in the rider's
/// configuration callback, which runs when the bus is built, long after health checks were set up, so
/// their checks join the registrations then (resolving the options earlier would re-enter bus creation).
/// </summary>
internal sealed class TopicEndpointHealth
{
    private readonly ConcurrentDictionary<string, EndpointSupervisor> _endpoints = new(StringComparer.Ordinal);
    private readonly Lazy<HealthCheckServiceOptions?> _healthChecks;

    public TopicEndpointHealth(Func<HealthCheckServiceOptions?>? healthChecks = null)
    {
        _healthChecks = new Lazy<HealthCheckServiceOptions?>(healthChecks ?? (() => null));
    }

    public IReadOnlyDictionary<string, EndpointSupervisor> Endpoints => _endpoints;

    /// <summary><paramref name="endpoint"/> is starting: track it, and register its health check once.</summary>
    public void Add(string endpoint, EndpointSupervisor supervisor)
    {
        Register(endpoint);
        _endpoints[endpoint] = supervisor;
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

    public void Remove(string endpoint, EndpointSupervisor supervisor) =>
        _endpoints.TryRemove(new KeyValuePair<string, EndpointSupervisor>(endpoint, supervisor));
}
