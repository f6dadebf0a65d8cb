using DebateEvents.Kafka.Configuration;
using DebateEvents.Kafka.Routing;
using DebateEvents.Outbox.Storage;

namespace DebateEvents.Outbox.Configuration;

/// <summary>
/// Settings of the outbox: which database it lives in, how the dispatcher delivers, and how long
/// delivered rows and inbox entries are kept. Bound from the <c>DebateEvents:Outbox</c> section, then
/// the callback given to <c>AddDebateEventsOutbox</c> applies.
/// </summary>
public sealed class DebateEventsOutboxOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "DebateEvents:Outbox";

    /// <summary>The database the outbox lives in, set by <c>o.UseSqlite()</c> or <c>o.UsePostgres()</c> from their packages.</summary>
    internal OutboxDialect? Dialect { get; set; }

    private List<Action<EventRouteTable>> RouteRegistrations { get; } = [];

    /// <summary>
    /// How the dispatcher's own producer reaches Kafka: brokers, security, client id, any librdkafka property.
    /// Give it the same description as the rider (<c>k.Host(connection)</c>) so both use one set of settings.
    /// </summary>
    public KafkaConnectionOptions Connection { get; set; } = new();

    /// <summary>Kafka bootstrap servers the dispatcher produces to; required. The same as <c>Connection.BootstrapServers</c>.</summary>
    public string BootstrapServers
    {
        get => Connection.BootstrapServers;
        set => Connection.BootstrapServers = value;
    }

    /// <summary>Extra librdkafka producer properties, applied after <see cref="Connection"/>; idempotence and acks=all cannot be turned off here.</summary>
    public IDictionary<string, string> ProducerProperties { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Most rows read and sent in one dispatcher round. Default 2,000.</summary>
    public int BatchSize { get; set; } = 2000;

    /// <summary>How often the dispatcher looks for rows when no commit signal arrives (other processes, missed signals). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// After a batch smaller than <see cref="BatchSize"/>, how long the dispatcher lets new rows gather before
    /// the next round. Default zero: the next round starts at once and takes the rows committed meanwhile (they
    /// gather anyway while a round waits for the broker and marks its rows); at 1,000 events/s offered end to end,
    /// 2 ms here added 4 ms to the median from commit to dispatch. Raise it to trade latency for fewer database reads.
    /// </summary>
    public TimeSpan BatchLinger { get; set; } = TimeSpan.Zero;

    /// <summary>How long librdkafka keeps retrying a record before the dispatcher counts the attempt as failed. Default 10 s.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the producer waits to fill a batch (librdkafka <c>linger.ms</c>). Default zero: the dispatcher
    /// already hands the producer whole batches, so waiting only delays them (1 ms here cost about 2 ms from
    /// dispatch to the broker's acknowledgement at 1,000 events/s on the embedded cluster).
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.Zero;

    /// <summary>Delay before the first retry of a failed row; doubles per attempt. Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of the retry delay. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts a permanently rejected row gets before it is parked in the dead-letter table. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long delivered rows stay in the outbox table before cleanup removes them. Default 10 minutes.</summary>
    public TimeSpan DeliveredRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// At start, before the dispatcher sends anything, hand the rows delivered within <see cref="RedeliveryWindow"/>
    /// back to it, to be sent again in their original order. For a broker that keeps nothing across restarts of this
    /// process (the host's in-process cluster): records it acknowledged but no consumer had read yet would be lost,
    /// and the inbox makes the ones already consumed harmless. Single instance only. Default false.
    /// </summary>
    public bool RedeliverOnStart { get; set; }

    /// <summary>
    /// How far back <see cref="RedeliverOnStart"/> reaches, by delivery time. At least <see cref="DeliveredRetention"/>,
    /// so every delivered row cleanup still keeps is sent again. Default 10 minutes.
    /// </summary>
    public TimeSpan RedeliveryWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an inbox entry guards against duplicates of its event. Default 7 days.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often cleanup runs. Default 1 minute.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an instance owns its buckets without renewing them; a killed instance's rows move to
    /// another instance after at most this long. Default 15 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Hash buckets the ordering keys are spread over; instances divide the buckets. Default 64.</summary>
    public int Buckets { get; set; } = 64;

    /// <summary>Name of this dispatcher instance in the lease table. Default: machine name and a random suffix.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Guid.NewGuid():N}";

    /// <summary>Age of the oldest undelivered event above which health reports Degraded. Default 1 minute.</summary>
    public TimeSpan DegradedBacklogAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Create the database (EnsureCreated) and the outbox tables at start. Default true; turn it off when EF Core migrations
    /// of the application's DbContext create the tables (<see cref="OutboxModelBuilderExtensions.AddOutboxEntities"/> puts them
    /// in its model, the PostgreSQL transaction id column included).
    /// </summary>
    public bool CreateSchema { get; set; } = true;

    /// <summary>Run the dispatcher in this process. Default true; turn off for write-only processes.</summary>
    public bool EnableDispatcher { get; set; } = true;

    /// <summary>
    /// Routes <typeparamref name="T"/> to <paramref name="topic"/> keyed by <paramref name="keySelector"/>, in the
    /// route table shared with the Kafka rider (the same as the rider's <c>r.AddProducer&lt;T&gt;</c>).
    /// </summary>
    public DebateEventsOutboxOptions Route<T>(string topic, Func<T, object?>? keySelector, string? eventType = null)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        RouteRegistrations.Add(routes => routes.Add(topic, keySelector, eventType));
        return this;
    }

    /// <summary>Adds the routes given with <see cref="Route{T}"/> to the route table shared with the rider; adding one twice is harmless.</summary>
    internal void AddRoutesTo(EventRouteTable routes)
    {
        foreach (var register in RouteRegistrations)
        {
            register(routes);
        }
    }
}
