using System.Text.RegularExpressions;
using DebateEvents.Host.Http;
using DebateEvents.Kafka.Routing;

namespace DebateEvents.Host.Topics;

/// <summary>Turns a <see cref="TopicRequest"/> into a <see cref="TopicSpec"/>, or into errors keyed by the request's field names.</summary>
internal static partial class TopicRequestValidator
{
    /// <summary>Checks the request against Kafka's limits and the cluster's broker count.</summary>
    public static TopicSpec? Validate(TopicRequest request, EventRouteTable routes, int defaultPartitions, int brokers,
        out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = Name(request, routes, errors);
        var partitions = request.NumPartitions ?? defaultPartitions;
        if (partitions is < 1 or > 10_000)
        {
            errors["num_partitions"] = ["num_partitions lies between 1 and 10000."];
        }

        var replicas = request.ReplicationFactor ?? Math.Min(3, brokers);
        if (replicas < 1 || replicas > brokers)
        {
            errors["replication_factor"] = [$"replication_factor lies between 1 and the cluster's {brokers} broker(s)."];
        }

        if (request.RetentionMs is { } retention && retention != -1 && retention < 1)
        {
            errors["retention_ms"] = ["retention_ms is -1 (unlimited) or a positive number of milliseconds."];
        }

        return errors.Count == 0 ? new TopicSpec(name!, partitions, replicas, request.RetentionMs) : null;
    }

    private static string? Name(TopicRequest request, EventRouteTable routes, Dictionary<string, string[]> errors)
    {
        if ((request.EventType is null) == (request.Name is null))
        {
            errors["name"] = ["Give either name or event_type."];
            return null;
        }

        if (request.EventType is { } eventType)
        {
            if (EventTypeCatalog.TryResolve(eventType, out var type) && routes.TryGetRoute(type, out var route))
            {
                return route.Topic;
            }

            errors["event_type"] = [$"'{eventType}' is not a routed event type. Known: {string.Join(", ", EventTypeCatalog.Names)}."];
            return null;
        }

        if (request.Name!.Length > 249 || !LegalName().IsMatch(request.Name) || request.Name is "." or "..")
        {
            errors["name"] = ["A topic name is 1 to 249 letters, digits, '.', '_' or '-', and not '.' or '..'."];
            return null;
        }

        return request.Name;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex LegalName();
}
