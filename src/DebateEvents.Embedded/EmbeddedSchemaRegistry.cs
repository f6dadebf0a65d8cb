using System.Net;
using System.Net.Sockets;
using DebateEvents.Embedded.Registry;

namespace DebateEvents.Embedded;

/// <summary>
/// A Schema Registry on a loopback port, kept in memory: the REST subset that Confluent's serializers and
/// <c>CachedSchemaRegistryClient</c>, kafkajs' schema registry client and kcat call (register, lookup, schema by id,
/// subjects, versions, latest, compatibility configuration and checks). Schemas are identified by their parsed form,
/// and each subject's compatibility level is enforced, with Schema Registry's status codes and <c>error_code</c>s.
/// Each instance has its own state.
/// </summary>
/// <remarks>
/// Served by <see cref="HttpListener"/> rather than a hosted Kestrel: a second generic host built inside an
/// ASP.NET application's start-up would be taken for the application by <c>WebApplicationFactory</c>.
/// </remarks>
public sealed class EmbeddedSchemaRegistry : IAsyncDisposable, IDisposable
{
    private readonly HttpListener _listener;
    private int _disposed;
    private readonly SchemaRegistryRequests _requests = new(new InMemorySchemaStore());

    private EmbeddedSchemaRegistry(HttpListener listener, int port)
    {
        _listener = listener;
        Url = $"http://127.0.0.1:{port}";
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>The base URL (<c>http://127.0.0.1:port</c>), for <c>schema.registry.url</c> of any client.</summary>
    public string Url { get; }

    /// <summary>Starts a registry on 127.0.0.1; port 0 picks a free one.</summary>
    /// <exception cref="HttpListenerException">The port is taken.</exception>
    public static EmbeddedSchemaRegistry Start(int port = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{chosen}/");
            try
            {
                listener.Start();
                return new EmbeddedSchemaRegistry(listener, chosen);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 5)
            {
                // Another process took the free port between the probe and the bind: probe again.
                listener.Close();
            }
        }
    }

    /// <summary>Starts a registry on 127.0.0.1; port 0 picks a free one.</summary>
    public static Task<EmbeddedSchemaRegistry> StartAsync(int port = 0) => Task.FromResult(Start(port));

    /// <summary>Stops listening; every schema is gone.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Stops listening; every schema is gone.</summary>
    /// <remarks>Does not wait for the accept loop: on Linux a pending accept of one listener in a process that has
    /// run others may not see the stop until much later; the loop ends by itself when it does.</remarks>
    public void Dispose()
    {
        // Once only: a closed listener throws on every further call, IsListening included.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _listener.Stop();
            _listener.Close();
        }
    }

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

            _ = Task.Run(() => _requests.AnswerAsync(context));
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
