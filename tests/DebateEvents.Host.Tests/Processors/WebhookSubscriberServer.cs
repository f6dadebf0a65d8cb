using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace DebateEvents.Host.Tests.Processors;

/// <summary>A webhook subscriber on loopback that records every call and can fail the first ones.</summary>
internal sealed class WebhookSubscriberServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly int _failFirst;
    private int _calls;

    public WebhookSubscriberServer(int failFirst = 0)
    {
        _failFirst = failFirst;
        var port = FreePort();
        Url = new Uri($"http://127.0.0.1:{port}/hooks/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(int Status, Dictionary<string, string> Headers, byte[] Body)> Calls { get; } = new();

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var status = Interlocked.Increment(ref _calls) <= _failFirst ? 500 : 204;
            var headers = context.Request.Headers.AllKeys.ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Calls.Enqueue((status, headers, body.ToArray()));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
