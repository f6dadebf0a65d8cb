using DebateEvents.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Topics;

/// <summary>
/// The consumer groups of the host's topic endpoints. Each endpoint that started registered a health check named
/// <c>kafka-endpoint:kafka/{topic}/{group}</c>; those registrations are the one runtime list of what the host consumes
/// (endpoints connected after start included), so the groups are read from them rather than repeated here.
/// </summary>
internal sealed class HostConsumerGroups(IOptions<HealthCheckServiceOptions> healthChecks)
{
    private const string Prefix = "kafka-endpoint:kafka/";

    /// <summary>Every (topic, group) pair of a started endpoint.</summary>
    public IReadOnlyList<(string Topic, string Group)> Endpoints()
    {
        var options = healthChecks.Value;
        List<string> names;
        // The rider adds registrations under this lock when an endpoint first starts.
        lock (options)
        {
            names = options.Registrations.Select(r => r.Name).Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).ToList();
        }

        return names.Select(n => n[Prefix.Length..]).Where(n => n.Contains('/', StringComparison.Ordinal))
            .Select(n => (n[..n.LastIndexOf('/')], n[(n.LastIndexOf('/') + 1)..]))
            .ToList();
    }

    /// <summary>The groups that consume <paramref name="topic"/>, directly or as their endpoint's retry topic.</summary>
    public IReadOnlyList<string> Of(string topic) => Endpoints()
        .Where(e => e.Topic == topic || TopicNames.Retry(e.Topic) == topic)
        .Select(e => e.Group)
        .Distinct(StringComparer.Ordinal)
        .ToList();
}
