using System.Runtime.InteropServices;
using System.Text;
using Confluent.Kafka;
using DebateEvents.Embedded.Native;

namespace DebateEvents.Embedded;

/// <summary>
/// An in-process Kafka cluster: librdkafka's mock cluster, speaking the real Kafka protocol to real
/// clients over loopback TCP. For tests, local runs and the host's embedded mode.
/// </summary>
/// <remarks>
/// Limits (librdkafka 2.16.0): the admin CreateTopics call is not supported, so create topics with
/// <see cref="CreateTopic"/>; each partition keeps only its newest 5 MB or 100,000 message sets and
/// drops older ones, so a consumer further behind than that loses records; nothing is durable, and
/// everything is gone on <see cref="Dispose"/>. Unknown topics are auto-created on first use with
/// the mock's default partition count.
/// </remarks>
public sealed class EmbeddedKafkaCluster : IDisposable
{
    private readonly Lock _gate = new();
    private IntPtr _handle;
    private IntPtr _cluster;

    private EmbeddedKafkaCluster(IntPtr handle, IntPtr cluster, int brokers)
    {
        _handle = handle;
        _cluster = cluster;
        Brokers = brokers;
        BootstrapServers = Marshal.PtrToStringUTF8(LibrdkafkaMock.ClusterBootstraps(cluster))
            ?? throw new InvalidOperationException("The embedded Kafka cluster reported no bootstrap servers.");
    }

    /// <summary>Comma-separated host:port list of the brokers, for any Kafka client's bootstrap.servers.</summary>
    public string BootstrapServers { get; }

    /// <summary>How many brokers the cluster has (ids 1 to this number).</summary>
    public int Brokers { get; }

    /// <summary>Starts a cluster listening on loopback ports chosen by the operating system.</summary>
    /// <exception cref="InvalidOperationException">librdkafka could not create the cluster.</exception>
    public static EmbeddedKafkaCluster Start(EmbeddedKafkaOptions? options = null)
    {
        options ??= new EmbeddedKafkaOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Brokers, 1, nameof(options.Brokers));
        var handle = CreateHandle();
        var cluster = LibrdkafkaMock.ClusterNew(handle, options.Brokers);
        if (cluster == IntPtr.Zero)
        {
            LibrdkafkaMock.Destroy(handle);
            throw new InvalidOperationException("librdkafka could not start the embedded Kafka cluster.");
        }

        LibrdkafkaMock.GroupInitialRebalanceDelayMs(cluster, (int)options.InitialRebalanceDelay.TotalMilliseconds);
        return new EmbeddedKafkaCluster(handle, cluster, options.Brokers);
    }

    /// <summary>Creates a topic; the embedded equivalent of the admin CreateTopics call.</summary>
    /// <exception cref="KafkaException">The cluster refused, for example the topic exists already.</exception>
    public void CreateTopic(string name, int partitions = 3, int replicationFactor = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicationFactor, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(replicationFactor, Brokers);
        Check(LibrdkafkaMock.TopicCreate(Cluster, name, partitions, replicationFactor), $"create topic '{name}'");
    }

    /// <summary>Takes a broker down: its connections close and it refuses new ones until <see cref="SetBrokerUp"/>.</summary>
    public void SetBrokerDown(int brokerId) =>
        Check(LibrdkafkaMock.BrokerSetDown(Cluster, brokerId), $"take broker {brokerId} down");

    /// <summary>Brings a broker taken down by <see cref="SetBrokerDown"/> back.</summary>
    public void SetBrokerUp(int brokerId) =>
        Check(LibrdkafkaMock.BrokerSetUp(Cluster, brokerId), $"bring broker {brokerId} up");

    /// <summary>
    /// Changes the address a broker advertises in metadata (the listener keeps its own port): for a proxy in front
    /// of the broker, such as the standalone broker's fixed ports.
    /// </summary>
    public void SetBrokerAdvertisedAddress(int brokerId, string host, int port)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(brokerId, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(brokerId, Brokers);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        LibrdkafkaMock.BrokerSetHostPort(Cluster, brokerId, host, port);
    }

    /// <summary>Delays every response of one broker by <paramref name="roundTrip"/> (zero removes the delay).</summary>
    public void SetBrokerRoundTripTime(int brokerId, TimeSpan roundTrip) =>
        Check(LibrdkafkaMock.BrokerSetRtt(Cluster, brokerId, (int)roundTrip.TotalMilliseconds), $"set broker {brokerId} latency");

    /// <summary>
    /// Makes the next requests of one kind fail, one error per request in the given order, on any
    /// broker. <see cref="ErrorCode.Local_Transport"/> disconnects the client instead of answering.
    /// </summary>
    public void PushRequestErrors(KafkaApiKey apiKey, params ErrorCode[] errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var codes = Array.ConvertAll(errors, e => (int)e);
        LibrdkafkaMock.PushRequestErrors(Cluster, (short)apiKey, (UIntPtr)codes.Length, codes);
    }

    /// <summary>Drops errors pushed with <see cref="PushRequestErrors"/> that have not been used yet.</summary>
    public void ClearRequestErrors(KafkaApiKey apiKey) => LibrdkafkaMock.ClearRequestErrors(Cluster, (short)apiKey);

    /// <summary>Makes metadata for a topic report an error until set back to <see cref="ErrorCode.NoError"/>.</summary>
    public void SetTopicError(string topic, ErrorCode error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        LibrdkafkaMock.TopicSetError(Cluster, topic, (int)error);
    }

    /// <summary>Moves a partition's leadership to another broker.</summary>
    public void SetPartitionLeader(string topic, int partition, int brokerId) =>
        Check(LibrdkafkaMock.PartitionSetLeader(Cluster, topic, partition, brokerId), $"move {topic}[{partition}] to broker {brokerId}");

    /// <summary>Stops every broker and frees the cluster; clients still connected see their connections close.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_cluster != IntPtr.Zero)
            {
                LibrdkafkaMock.ClusterDestroy(_cluster);
                _cluster = IntPtr.Zero;
            }

            if (_handle != IntPtr.Zero)
            {
                LibrdkafkaMock.Destroy(_handle);
                _handle = IntPtr.Zero;
            }
        }
    }

    private IntPtr Cluster
    {
        get
        {
            ObjectDisposedException.ThrowIf(_cluster == IntPtr.Zero, this);
            return _cluster;
        }
    }

    private static IntPtr CreateHandle()
    {
        var error = new byte[512];
        var conf = LibrdkafkaMock.ConfNew();
        // The handle only hosts the mock cluster's bookkeeping; keep its own logging quiet.
        if (LibrdkafkaMock.ConfSet(conf, "log_level", "3", error, (UIntPtr)error.Length) != LibrdkafkaMock.ConfOk)
        {
            LibrdkafkaMock.ConfDestroy(conf);
            throw new InvalidOperationException(ReadError(error));
        }

        var handle = LibrdkafkaMock.New(LibrdkafkaMock.ProducerType, conf, error, (UIntPtr)error.Length);
        if (handle == IntPtr.Zero)
        {
            LibrdkafkaMock.ConfDestroy(conf);
            throw new InvalidOperationException($"librdkafka could not create a client handle: {ReadError(error)}");
        }

        return handle;
    }

    private static string ReadError(byte[] buffer)
    {
        var length = Array.IndexOf(buffer, (byte)0);
        return Encoding.UTF8.GetString(buffer, 0, length < 0 ? buffer.Length : length);
    }

    private static void Check(int error, string action)
    {
        if (error != 0)
        {
            var reason = Marshal.PtrToStringUTF8(LibrdkafkaMock.ErrorToString(error));
            throw new KafkaException(new Error((ErrorCode)error, $"Embedded Kafka cluster could not {action}: {reason}"));
        }
    }
}
