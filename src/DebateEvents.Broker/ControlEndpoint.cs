using System.Net;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using DebateEvents.Embedded;

namespace DebateEvents.Broker;

/// <summary>
/// A loopback HTTP endpoint that breaks and mends the cluster on request, for outage drills and tests:
/// <c>GET /brokers</c>, <c>POST /brokers/down</c> and <c>/brokers/up</c> (all brokers),
/// <c>POST /brokers/{id}/down</c> and <c>/up</c>, <c>POST /topics/{name}?partitions=N</c>.
/// </summary>
internal sealed class ControlEndpoint : IDisposable
{
    private readonly HttpListener _listener;
    private readonly EmbeddedKafkaCluster _cluster;
    private readonly IReadOnlyList<string> _addresses;
    private readonly bool[] _up;
    private readonly Lock _gate = new();

    private ControlEndpoint(HttpListener listener, int port, EmbeddedKafkaCluster cluster, IReadOnlyList<string> addresses)
    {
        _listener = listener;
        _cluster = cluster;
        _addresses = addresses;
        _up = [.. Enumerable.Repeat(true, cluster.Brokers)];
        Url = $"http://127.0.0.1:{port}";
        _ = Task.Run(AcceptAsync);
    }

    public string Url { get; }

    /// <exception cref="HttpListenerException">The port is taken.</exception>
    public static ControlEndpoint Start(int port, EmbeddedKafkaCluster cluster, IReadOnlyList<string> addresses)
    {
        var chosen = port == 0 ? FreePort() : port;
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
        listener.Start();
        return new ControlEndpoint(listener, chosen, cluster, addresses);
    }

    public void Dispose() => _listener.Close();

    private async Task AcceptAsync()
    {
        while (true)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var response = context.Response;
            var (status, body) = Answer(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            response.StatusCode = status;
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        }
    }

    private (int Status, string Body) Answer(HttpListenerRequest request)
    {
        var path = request.Url!.AbsolutePath.Trim('/').Split('/');
        var post = request.HttpMethod == "POST";
        try
        {
            return path switch
            {
                ["brokers"] when request.HttpMethod == "GET" => (200, Brokers()),
                ["brokers", var state] when post => SetState(Enumerable.Range(1, _cluster.Brokers), state),
                ["brokers", var id, var state] when post && int.TryParse(id, out var broker) && broker >= 1 && broker <= _cluster.Brokers =>
                    SetState([broker], state),
                ["topics", var name] when post => CreateTopic(Uri.UnescapeDataString(name), request.QueryString["partitions"]),
                _ => (404, Problem($"No {request.HttpMethod} /{string.Join('/', path)}; see GET /brokers, POST /brokers[/id]/down|up, POST /topics/name?partitions=N")),
            };
        }
        catch (KafkaException ex)
        {
            return (ex.Error.Code == ErrorCode.TopicAlreadyExists ? 409 : 500, Problem(ex.Error.Reason));
        }
    }

    private (int, string) SetState(IEnumerable<int> brokers, string state)
    {
        if (state is not ("down" or "up"))
        {
            return (404, Problem($"'{state}' is neither down nor up"));
        }

        lock (_gate)
        {
            foreach (var broker in brokers)
            {
                if (state == "down")
                {
                    _cluster.SetBrokerDown(broker);
                }
                else
                {
                    _cluster.SetBrokerUp(broker);
                }

                _up[broker - 1] = state == "up";
            }
        }

        return (200, Brokers());
    }

    private (int, string) CreateTopic(string name, string? partitions)
    {
        var count = partitions is null ? 3 : int.TryParse(partitions, out var p) && p is >= 1 and <= 1000 ? p : 0;
        if (count == 0)
        {
            return (400, Problem($"partitions is '{partitions}'; allowed: 1 to 1000"));
        }

        _cluster.CreateTopic(name, count, Math.Min(3, _cluster.Brokers));
        return (201, JsonSerializer.Serialize(new { name, partitions = count }));
    }

    private string Brokers()
    {
        lock (_gate)
        {
            return JsonSerializer.Serialize(_addresses.Select((address, i) => new { id = i + 1, address, up = _up[i] }));
        }
    }

    private static string Problem(string detail) => JsonSerializer.Serialize(new { error = detail });

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
