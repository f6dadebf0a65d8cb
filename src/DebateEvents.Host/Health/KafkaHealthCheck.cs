using Confluent.Kafka;
using DebateEvents.Avro.Registry;
using DebateEvents.Host.Embedded;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DebateEvents.Host.Health;

/// <summary>Healthy when a metadata request to the cluster answers with at least one broker.</summary>
internal sealed class KafkaHealthCheck(KafkaConnection connection, SchemaRegistryOptions registry) : IHealthCheck, IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(AdminConfig(connection)).Build());

    /// <summary>The admin client's settings: the host's one connection description, with a short socket timeout.</summary>
    internal static AdminClientConfig AdminConfig(KafkaConnection connection)
    {
        var config = connection.Options.ToAdminConfig();
        config.SocketTimeoutMs = 3_000;
        return config;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // GetMetadata blocks; keep it off the request thread.
        return Task.Run(() =>
        {
            try
            {
                var metadata = _admin.Value.GetMetadata(TimeSpan.FromSeconds(3));
                var data = new Dictionary<string, object>
                {
                    ["brokers"] = metadata.Brokers.Count,
                    ["topics"] = metadata.Topics.Count,
                    ["embedded"] = connection.Embedded is not null,
                    ["bootstrapServers"] = connection.BootstrapServers,
                    ["schemaRegistry"] = WithoutCredentials(registry.Url),
                };
                return metadata.Brokers.Count > 0
                    ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) reachable", data)
                    : HealthCheckResult.Unhealthy("The cluster reported no brokers", data: data);
            }
            catch (KafkaException ex)
            {
                return HealthCheckResult.Unhealthy("Kafka is unreachable", ex);
            }
        }, cancellationToken);
    }

    // A URL may carry user:password; the health endpoint is not the place to show it.
    private static string WithoutCredentials(string urls) => string.Join(",", urls.Split(',').Select(url =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0
            ? new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString()
            : url.Trim()));

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
