using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DebateEvents.Testing.Drills;

/// <summary>
/// The standalone embedded broker (<c>DebateEvents.Broker.dll</c> next to the calling program) as a child process on
/// free loopback ports: a Kafka cluster and Schema Registry that outlive the hosts started against them.
/// </summary>
public sealed partial class BrokerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly HttpClient _control;

    private BrokerProcess(Process process, Match ready)
    {
        _process = process;
        BootstrapServers = ready.Groups["kafka"].Value;
        RegistryUrl = ready.Groups["registry"].Value;
        _control = new HttpClient { BaseAddress = new Uri(ready.Groups["control"].Value) };
    }

    /// <summary>host:port of every broker.</summary>
    public string BootstrapServers { get; }

    /// <summary>The Schema Registry's base URL.</summary>
    public string RegistryUrl { get; }

    /// <summary>
    /// What a host needs to run against this broker: its address and registry as <c>KAFKA_BOOTSTRAP_SERVERS</c> and
    /// <c>KAFKA_SCHEMA_REGISTRY_URL</c>, schemas registered at start, and topics created by the broker on first use
    /// (it does not answer the admin CreateTopics call), with the embedded mode's short fetch wait.
    /// </summary>
    public IReadOnlyDictionary<string, string> HostEnvironment => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["KAFKA_BOOTSTRAP_SERVERS"] = BootstrapServers,
        ["KAFKA_SCHEMA_REGISTRY_URL"] = RegistryUrl,
        ["SchemaRegistry__AutoRegisterSchemas"] = "true",
        ["Kafka__CreateTopics"] = "false",
        ["Kafka__Properties__allow.auto.create.topics"] = "true",
        ["Kafka__Properties__fetch.wait.max.ms"] = "10",
    };

    /// <summary>Starts the broker with <paramref name="brokers"/> brokers and returns once it listens.</summary>
    /// <exception cref="InvalidOperationException">The broker exited or stayed silent; the message holds its output.</exception>
    public static async Task<BrokerProcess> StartAsync(int brokers = 1)
    {
        var info = ChildProcess.DotnetStartInfo("DebateEvents.Broker.dll");
        foreach (var argument in new[] { "--kafka-port=0", "--registry-port=0", "--control-port=0", $"--brokers={brokers}" })
        {
            info.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var process = ChildProcess.Start(info, output);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (output.Select(l => ReadyLine().Match(l)).FirstOrDefault(m => m.Success) is { } ready)
            {
                return new BrokerProcess(process, ready);
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new InvalidOperationException($"The broker did not start:\n{string.Join('\n', output)}");
    }

    /// <summary>Takes every broker down (connections close, new ones are refused) through the control endpoint.</summary>
    public Task SetBrokersDownAsync(CancellationToken cancellationToken = default) => PostAsync("/brokers/down", cancellationToken);

    /// <summary>Brings every broker back up.</summary>
    public Task SetBrokersUpAsync(CancellationToken cancellationToken = default) => PostAsync("/brokers/up", cancellationToken);

    /// <summary>Creates a topic before any client asks for it, with its own partition count.</summary>
    public Task CreateTopicAsync(string name, int partitions, CancellationToken cancellationToken = default) =>
        PostAsync($"/topics/{Uri.EscapeDataString(name)}?partitions={partitions}", cancellationToken);

    /// <summary>Stops the broker; everything it held is gone.</summary>
    public ValueTask DisposeAsync()
    {
        _control.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task PostAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _control.PostAsync(new Uri(path, UriKind.Relative), null, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {body}");
        }
    }

    [GeneratedRegex(@"^Broker ready: kafka=(?<kafka>\S+) registry=(?<registry>\S+) control=(?<control>\S+)$")]
    private static partial Regex ReadyLine();
}
