using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Confluent.Kafka;

namespace DebateEvents.Kafka.Tests.Support;

/// <summary>
/// A single-node Kafka protocol server on 127.0.0.1 that answers just what librdkafka's admin client needs
/// to create topics (ApiVersions, Metadata, CreateTopics), for the admin API the embedded mock cluster lacks.
/// It speaks only non-flexible protocol versions, records every topic it is asked to create, and closes
/// the connection on any other request. With <see cref="RequireSaslPlain"/> it demands SASL/PLAIN first,
/// as a secured broker does, and records every connection's handshake and requests.
/// </summary>
internal sealed class AdminProtocolBroker : IAsyncDisposable, IDisposable
{
    private const int NodeId = 1;
    private const short MetadataKey = 3;
    private const short ApiVersionsKey = 18;
    private const short CreateTopicsKey = 19;
    private const short SaslHandshakeKey = 17;
    private const short SaslAuthenticateKey = 36;

    // The newest non-flexible versions: Metadata v9 and CreateTopics v5 switch to compact encodings.
    // Metadata v1 is the first with the controller id, which the admin client sends CreateTopics to.
    private static readonly (short Key, short Min, short Max)[] SupportedApis =
        [(ApiVersionsKey, 0, 0), (MetadataKey, 1, 1), (CreateTopicsKey, 0, 4), (SaslHandshakeKey, 1, 1), (SaslAuthenticateKey, 0, 1)];

    // Offered but never answered (the connection closes): enough for consumers (FindCoordinator) and idempotent
    // producers (InitProducerId) to show themselves, since librdkafka sends only what a broker offers.
    private static readonly (short Key, short Min, short Max)[] OfferedOnly = [(10, 0, 0), (22, 0, 0)];

    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, int> _topics = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ErrorCode Code, string Message)> _rejections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<TopicRequest> _topicRequests = new();
    private readonly ConcurrentQueue<string> _unansweredRequests = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly ConcurrentQueue<BrokerConnection> _served = new();
    private readonly SaslPlainGate _sasl = new();
    private readonly Task _accepting;
    private int _stopped;

    private AdminProtocolBroker()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = OnDedicatedThread(AcceptConnections);
    }

    /// <summary>The ephemeral port the broker listens on, and advertises in its metadata as node 1.</summary>
    public int Port { get; }

    /// <summary>The <c>bootstrap.servers</c> value for clients, such as <c>127.0.0.1:49152</c>.</summary>
    public string BootstrapServers => $"127.0.0.1:{Port}";

    /// <summary>Every topic of every CreateTopics request, in arrival order, with the answer it got.</summary>
    public IReadOnlyCollection<TopicRequest> TopicRequests => _topicRequests;

    /// <summary>
    /// Requests the broker closed the connection on instead of answering: API keys or versions it does not
    /// implement, and frames it could not parse. Empty when the client stayed within what it supports.
    /// </summary>
    public IReadOnlyCollection<string> UnansweredRequests => _unansweredRequests;

    /// <summary>Every connection served so far, with its SASL outcome and the requests it made.</summary>
    public IReadOnlyCollection<BrokerConnection> Connections => _served;

    /// <summary>Demands SASL/PLAIN with these credentials before any request but ApiVersions and the handshake itself.</summary>
    public void RequireSaslPlain(string user, string password) => _sasl.Require(user, password);

    /// <summary>Starts listening on an ephemeral port of the loopback interface.</summary>
    public static AdminProtocolBroker Start() => new();

    /// <summary>Answers every later request to create <paramref name="topic"/> with this error, as a broker-side policy would.</summary>
    public void RejectTopic(string topic, ErrorCode errorCode, string message) => _rejections[topic] = (errorCode, message);

    /// <summary>Stops listening, closes every connection and waits until their threads have ended.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop();
        await _accepting;
        await Task.WhenAll(_connections);
    }

    /// <summary>Stops listening and closes every connection; their threads end on their own.</summary>
    public void Dispose() => Stop();

    // Blocking sockets on dedicated threads: a test run that starves the thread pool (with blocking
    // Consume calls, say) would otherwise delay every answer by the pool's thread injection.
    private static Task OnDedicatedThread(Action action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }

    private void AcceptConnections()
    {
        try
        {
            while (true)
            {
                var client = _listener.AcceptTcpClient();
                client.NoDelay = true;
                _clients.Add(client);
                if (Volatile.Read(ref _stopped) == 1)
                {
                    // Stop may have closed the connections before this one was added.
                    client.Dispose();
                    return;
                }

                _connections.Add(OnDedicatedThread(() => Serve(client)));
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Stop closed the listener.
        }
    }

    private void Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var connection = new BrokerConnection();
                _served.Enqueue(connection);
                while (ReadFrame(stream) is { } request && Answer(request, connection) is { } response)
                {
                    stream.Write(response);
                }
            }
            catch (InvalidDataException ex)
            {
                _unansweredRequests.Enqueue("malformed request: " + ex.Message);
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
            {
                // The client went away or the broker stopped.
            }
        }
    }

    private static byte[]? ReadFrame(NetworkStream stream)
    {
        var size = new byte[4];
        if (stream.ReadAtLeast(size, 4, throwOnEndOfStream: false) < 4)
        {
            return null;
        }

        var frame = new byte[BinaryPrimitives.ReadInt32BigEndian(size)];
        stream.ReadExactly(frame);
        return frame;
    }

    /// <summary>The response frame to <paramref name="request"/>, or null to close the connection.</summary>
    private byte[]? Answer(byte[] request, BrokerConnection connection)
    {
        // Request header v1 (v2 only adds tagged fields, which the flexible ApiVersions request is not parsed past).
        var reader = new KafkaProtocolCodec.Reader(request);
        var apiKey = reader.Int16();
        var apiVersion = reader.Int16();
        var correlationId = reader.Int32();
        connection.ClientId = reader.NullableString();
        connection.Requests.Enqueue(apiKey);
        if (_sasl.Required && connection.User is null && apiKey is not (ApiVersionsKey or SaslHandshakeKey or SaslAuthenticateKey))
        {
            connection.Unauthenticated.Enqueue(apiKey);
            return null;
        }

        // Response header v0, which ApiVersions keeps even in its flexible versions.
        var writer = new KafkaProtocolCodec.Writer().Int32(correlationId);
        if (apiKey == ApiVersionsKey)
        {
            WriteApiVersions(writer, apiVersion);
        }
        else if (!SupportedApis.Any(a => a.Key == apiKey && apiVersion >= a.Min && apiVersion <= a.Max))
        {
            _unansweredRequests.Enqueue($"api key {apiKey} v{apiVersion}");
            return null;
        }
        else if (apiKey == SaslHandshakeKey)
        {
            SaslPlainGate.Handshake(reader, writer);
        }
        else if (apiKey == SaslAuthenticateKey)
        {
            _sasl.Authenticate(reader, writer, apiVersion, connection);
        }
        else if (apiKey == MetadataKey)
        {
            WriteMetadata(reader, writer);
        }
        else
        {
            CreateTopics(reader, writer, apiVersion);
        }

        return writer.ToFrame();
    }

    private static void WriteApiVersions(KafkaProtocolCodec.Writer writer, short apiVersion)
    {
        // KIP-511: a version the broker does not know gets a v0 body with UNSUPPORTED_VERSION and the
        // supported ranges, so the client retries with one it finds there.
        writer.Int16(apiVersion == 0 ? (short)ErrorCode.NoError : (short)ErrorCode.UnsupportedVersion)
            .Array([.. SupportedApis, .. OfferedOnly], (w, api) => w.Int16(api.Key).Int16(api.Min).Int16(api.Max));
    }

    private void WriteMetadata(KafkaProtocolCodec.Reader reader, KafkaProtocolCodec.Writer writer)
    {
        // Metadata v1: a null topic array asks for every topic, an empty one for the brokers only.
        var names = reader.NullableArray(r => r.String()) ?? [.. _topics.Keys];
        writer.Array([NodeId], (w, node) => w.Int32(node).String("127.0.0.1").Int32(Port).String(null))
            .Int32(NodeId)
            .Array(names, WriteTopicMetadata);
    }

    private void WriteTopicMetadata(KafkaProtocolCodec.Writer writer, string name)
    {
        var exists = _topics.TryGetValue(name, out var partitions);
        writer.Int16(exists ? (short)ErrorCode.NoError : (short)ErrorCode.UnknownTopicOrPart)
            .String(name)
            .Boolean(false)
            .Array(Enumerable.Range(0, partitions).ToList(), (w, partition) => w.Int16((short)ErrorCode.NoError)
                .Int32(partition)
                .Int32(NodeId)
                .Array([NodeId], (replicas, node) => replicas.Int32(node))
                .Array([NodeId], (isr, node) => isr.Int32(node)));
    }

    private void CreateTopics(KafkaProtocolCodec.Reader reader, KafkaProtocolCodec.Writer writer, short apiVersion)
    {
        var topics = reader.Array(r => ReadTopic(r, apiVersion));
        _ = reader.Int32(); // timeout_ms: creation is immediate here
        var validateOnly = apiVersion >= 1 && reader.Boolean();
        var results = topics.Select(t => Decide(t, validateOnly)).ToList();

        if (apiVersion >= 2)
        {
            writer.Int32(0); // throttle_time_ms
        }

        writer.Array(results, (w, result) =>
        {
            w.String(result.Name).Int16((short)result.Answer);
            if (apiVersion >= 1)
            {
                w.String(result.Answer == ErrorCode.NoError ? null : result.Message);
            }
        });
    }

    private static TopicRequest ReadTopic(KafkaProtocolCodec.Reader reader, short apiVersion)
    {
        var name = reader.String();
        var partitions = reader.Int32();
        var replicationFactor = reader.Int16();
        _ = reader.Array(r => (Partition: r.Int32(), Brokers: r.Array(b => b.Int32())));
        var configs = reader.Array(r => (Name: r.String(), Value: r.NullableString()))
            .ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal);
        return new TopicRequest(name, partitions, replicationFactor, configs, apiVersion, ErrorCode.NoError, null);
    }

    private TopicRequest Decide(TopicRequest topic, bool validateOnly)
    {
        var answered = topic;
        if (_rejections.TryGetValue(topic.Name, out var rejection))
        {
            answered = answered with { Answer = rejection.Code, Message = rejection.Message };
        }
        else if (validateOnly ? _topics.ContainsKey(topic.Name) : !_topics.TryAdd(topic.Name, topic.Partitions < 0 ? 1 : topic.Partitions))
        {
            answered = answered with { Answer = ErrorCode.TopicAlreadyExists, Message = $"Topic '{topic.Name}' already exists." };
        }

        _topicRequests.Enqueue(answered);
        return answered;
    }
}
