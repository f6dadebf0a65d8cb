using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using DebateEvents.Avro.Compatibility;
using DebateEvents.Avro.Registry;

namespace DebateEvents.Avro.Tests.Registry;

/// <summary>
/// A schema registry on 127.0.0.1 that follows the Confluent REST contract (routes, media type, error bodies with
/// error_code), backed by the in-memory store, with hooks to require basic auth and to inject failures and delays.
/// </summary>
internal sealed class LoopbackSchemaRegistry : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly InMemorySchemaStore _store = new();
    private readonly Task _loop;
    private int _failuresLeft;
    private int _requestCount;

    public LoopbackSchemaRegistry()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string Url { get; }

    public string? RequiredAuthorization { get; set; }

    public TimeSpan Delay { get; set; }

    public int RequestCount => Volatile.Read(ref _requestCount);

    public List<string> AcceptHeaders { get; } = [];

    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task AcceptLoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requestCount);
        lock (AcceptHeaders)
        {
            AcceptHeaders.Add(context.Request.Headers["Accept"] ?? "");
        }

        var (status, body) = await RespondAsync(context.Request);
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        try
        {
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "application/vnd.schemaregistry.v1+json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
        {
            // The client gave up (timeout test); nothing to answer.
        }
    }

    private async Task<(HttpStatusCode, JsonNode)> RespondAsync(HttpListenerRequest request)
    {
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Error(HttpStatusCode.ServiceUnavailable, 50003, "Injected failure");
        }

        if (RequiredAuthorization is not null && request.Headers["Authorization"] != RequiredAuthorization)
        {
            return Error(HttpStatusCode.Unauthorized, 401, "Unauthorized");
        }

        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var json = text.Length > 0 ? JsonNode.Parse(text)!.AsObject() : [];
        try
        {
            return (HttpStatusCode.OK, Route(request.HttpMethod, request.Url!.AbsolutePath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray(), json));
        }
        catch (SchemaRegistryException ex)
        {
            return Error(ex.StatusCode ?? HttpStatusCode.InternalServerError, ex.ErrorCode, ex.Message);
        }
    }

    private JsonNode Route(string method, string[] path, JsonObject body) => (method, path) switch
    {
        ("POST", ["subjects", var s, "versions"]) => new JsonObject { ["id"] = _store.Register(s, Schema(body)).Id },
        ("POST", ["subjects", var s]) => Registered(_store.Lookup(s, Schema(body))),
        ("GET", ["schemas", "ids", var id]) => new JsonObject { ["schema"] = _store.GetById(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture)) },
        ("GET", ["subjects", var s, "versions", "latest"]) => Registered(_store.Latest(s)),
        ("POST", ["compatibility", "subjects", var s, "versions", "latest"]) => new JsonObject { ["is_compatible"] = _store.CheckCompatibility(s, Schema(body)).Count == 0 },
        ("GET", ["config"]) => new JsonObject { ["compatibilityLevel"] = _store.GetLevel(null).ToWireName() },
        ("GET", ["config", var s]) => new JsonObject { ["compatibilityLevel"] = _store.GetLevel(s).ToWireName() },
        ("PUT", ["config"]) => new JsonObject { ["compatibility"] = _store.SetLevel(Level(body), null).ToWireName() },
        ("PUT", ["config", var s]) => new JsonObject { ["compatibility"] = _store.SetLevel(Level(body), s).ToWireName() },
        _ => throw new SchemaRegistryException($"No route for {method} /{string.Join('/', path)}", HttpStatusCode.NotFound, 404),
    };

    private static string Schema(JsonObject body) => body["schema"]?.GetValue<string>()
        ?? throw new SchemaRegistryException("Missing schema", HttpStatusCode.UnprocessableEntity, 42201);

    private static CompatibilityLevel Level(JsonObject body) => CompatibilityLevels.TryParse(body["compatibility"]?.GetValue<string>(), out var level)
        ? level
        : throw new SchemaRegistryException("Invalid compatibility level", HttpStatusCode.UnprocessableEntity, 42203);

    private static JsonObject Registered(RegisteredSchema schema) => new()
    {
        ["subject"] = schema.Subject,
        ["id"] = schema.Id,
        ["version"] = schema.Version,
        ["schema"] = schema.Schema,
    };

    private static (HttpStatusCode, JsonNode) Error(HttpStatusCode status, int code, string message) =>
        (status, new JsonObject { ["error_code"] = code, ["message"] = message });
}
