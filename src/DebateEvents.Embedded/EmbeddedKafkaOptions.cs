namespace DebateEvents.Embedded;

/// <summary>How an <see cref="EmbeddedKafkaCluster"/> starts.</summary>
public sealed class EmbeddedKafkaOptions
{
    /// <summary>Brokers in the cluster, ids 1 to N. Topics are replicated over up to this many.</summary>
    public int Brokers { get; set; } = 1;

    /// <summary>
    /// How long a new consumer group waits before its first assignment. Kafka's default is 3 s;
    /// zero brings the first record to a new group in about 120 ms, which keeps tests fast.
    /// </summary>
    public TimeSpan InitialRebalanceDelay { get; set; } = TimeSpan.Zero;
}
