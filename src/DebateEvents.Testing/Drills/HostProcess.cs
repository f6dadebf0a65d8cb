using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DebateEvents.Testing.Drills;

/// <summary>
/// The built DebateEvents host (<c>DebateEvents.Host.dll</c> next to the calling program) run as a child process, so
/// a test or drill can kill it the way an operator's SIGKILL or a crash would: no shutdown code runs at all.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private HostProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host serves HTTP (a free loopback port).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything the host wrote to stdout and stderr so far, one line each.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>True once the process is gone.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The process's resident memory now, in MB.</summary>
    public double ResidentMegabytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64 / (1024.0 * 1024.0);
        }
    }

    /// <summary>Starts the host on the SQLite file <paramref name="databasePath"/>; see the other overload.</summary>
    public static Task<HostProcess> StartAsync(string databasePath, IReadOnlyDictionary<string, string> settings,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var withDatabase = new Dictionary<string, string>(settings, StringComparer.Ordinal) { ["ConnectionStrings:Debates"] = $"Data Source={databasePath}" };
        return StartAsync(withDatabase, environment);
    }

    /// <summary>
    /// Starts the host with <paramref name="settings"/> as <c>--key=value</c> arguments and <paramref name="environment"/>
    /// as variables (the simulator off unless they say otherwise), and returns once it answers <c>GET /health</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The host exited while starting; the message holds its output.</exception>
    /// <exception cref="TimeoutException">The host did not serve HTTP within a minute.</exception>
    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var info = ChildProcess.DotnetStartInfo("DebateEvents.Host.dll");
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.ArgumentList.Add("--Logging:Console:FormatterOptions:SingleLine=true");
        // Drills and tests audit the events they posted; simulated debates would only add noise.
        info.Environment["DEBATE_SIMULATOR_RATE"] = "0";
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var output = new ConcurrentQueue<string>();
        var process = ChildProcess.Start(info, output);
        var host = new HostProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await host.WaitUntilServingAsync().ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>SIGKILL: the process dies at once, whatever it held in memory with it.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a service: the host shuts down in order (its consumers leave their groups)
    /// and this returns once it has exited, or kills it after <paramref name="timeout"/> (30 s by default).
    /// </summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync().ConfigureAwait(false);
        }

        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Kills the process if it still runs.</summary>
    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with {_process.ExitCode} while starting:\n{string.Join('\n', _output)}");
            }

            try
            {
                // Any answer will do: the health of the moment is not the point, only that HTTP is served.
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative)).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"The host did not serve HTTP within {StartTimeout.TotalSeconds} s:\n{string.Join('\n', _output)}");
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
