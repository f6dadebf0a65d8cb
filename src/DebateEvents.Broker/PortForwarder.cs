using System.Net;
using System.Net.Sockets;

namespace DebateEvents.Broker;

/// <summary>
/// Listens on a fixed loopback port and pipes each connection to one broker of the embedded cluster, whose
/// listener librdkafka binds to a port of its own choosing. A connection ends when either side closes it, so
/// a broker taken down closes its clients' connections through the forwarder too.
/// </summary>
internal sealed class PortForwarder : IDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;

    private PortForwarder(TcpListener listener, IPEndPoint target)
    {
        _listener = listener;
        _target = target;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>The port clients connect to.</summary>
    public int Port { get; }

    /// <exception cref="SocketException">The port is taken.</exception>
    public static PortForwarder Start(int port, IPEndPoint target)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(backlog: 128);
        return new PortForwarder(listener, target);
    }

    public void Dispose() => _listener.Stop();

    private async Task AcceptAsync()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => PipeAsync(client));
        }
    }

    private async Task PipeAsync(Socket client)
    {
        using (client)
        using (var broker = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            client.NoDelay = true;
            broker.NoDelay = true;
            try
            {
                await broker.ConnectAsync(_target).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return;
            }

            // Whichever direction ends first ends the connection: Kafka has no half-closed exchanges.
            await Task.WhenAny(CopyAsync(client, broker), CopyAsync(broker, client)).ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The other direction closed the sockets, or the peer reset: the connection is over either way.
        }
    }
}
