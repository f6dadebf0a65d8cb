using Confluent.Kafka;
using DebateEvents.Host.Embedded;
using DebateEvents.Embedded;

namespace DebateEvents.Host.Topics;

/// <summary>Short-lived Kafka clients for the HTTP API, each built from the host's one connection description.</summary>
internal sealed class ClusterClients(KafkaConnection connection)
{
    /// <summary>How long one admin or watermark request may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <summary>The in-process cluster in embedded mode, else null.</summary>
    public EmbeddedKafkaCluster? Embedded => connection.Embedded;

    /// <summary>An admin client; the caller disposes it.</summary>
    public IAdminClient Admin() => new AdminClientBuilder(connection.Options.ToAdminConfig()).Build();

    /// <summary>
    /// A consumer for partitions assigned by hand: it never joins its group and never commits. The .NET client
    /// refuses a consumer without a group id, so it gets a throwaway one.
    /// </summary>
    public IConsumer<byte[]?, byte[]> Reader()
    {
        var config = new ConsumerConfig();
        connection.Options.ApplyTo(config);
        config.GroupId = $"debate-events-http-{Guid.NewGuid():N}";
        config.EnableAutoCommit = false;
        config.EnableAutoOffsetStore = false;
        config.EnablePartitionEof = false;
        return new ConsumerBuilder<byte[]?, byte[]>(config).Build();
    }

    /// <summary>Runs a blocking admin or consumer call off the request thread.</summary>
    public static Task<T> OffRequestThread<T>(Func<T> call, CancellationToken cancellationToken) => Task.Run(call, cancellationToken);
}
