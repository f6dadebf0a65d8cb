using Confluent.Kafka;
using DebateEvents.Avro.Registry;
using DebateEvents.Host.Embedded;
using DebateEvents.Host.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace DebateEvents.Host.Health;

/// <summary>
/// Healthy when a metadata request to the cluster answers with at least one broker. Unreachable is Degraded for
/// <see cref="KafkaOptions.UnhealthyAfter"/> after the last answer (events wait in the outbox meanwhile), Unhealthy
/// after that or when the cluster has not answered since start.
/// </summary>
internal sealed class KafkaHealthCheck(KafkaConnection connection, SchemaRegistryOptions registry, IOptions<KafkaOptions> options, TimeProvider clock)
    : IHealthCheck, IDisposable
{
    private long _lastAnswer = -1;

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
                if (metadata.Brokers.Count == 0)
                {
                    return HealthCheckResult.Unhealthy("The cluster reported no brokers", data: data);
                }

                Interlocked.Exchange(ref _lastAnswer, clock.GetTimestamp());
                return HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s) reachable", data);
            }
            catch (KafkaException ex)
            {
                return Unreachable(ex);
            }
        }, cancellationToken);
    }

    private HealthCheckResult Unreachable(KafkaException error)
    {
        var lastAnswer = Interlocked.Read(ref _lastAnswer);
        if (lastAnswer < 0)
        {
            return HealthCheckResult.Unhealthy("Kafka is unreachable", error);
        }

        var away = clock.GetElapsedTime(lastAnswer);
        return away < options.Value.UnhealthyAfter
            ? HealthCheckResult.Degraded($"Kafka is unreachable for {away.TotalSeconds:0} s; events wait in the outbox", error)
            : HealthCheckResult.Unhealthy($"Kafka is unreachable for {away.TotalSeconds:0} s", error);
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
