using System.Net;
using DebateEvents.Embedded;

namespace DebateEvents.Broker;

/// <summary>
/// The embedded Kafka cluster behind fixed-port forwarders (each broker advertises its forwarder's port, so
/// clients never see librdkafka's own ports), the embedded Schema Registry and the control endpoint.
/// </summary>
internal sealed class StandaloneBroker : IAsyncDisposable
{
    private readonly EmbeddedKafkaCluster _cluster;
    private readonly List<PortForwarder> _forwarders = [];
    private readonly EmbeddedSchemaRegistry _registry;
    private ControlEndpoint? _control;

    private StandaloneBroker(BrokerOptions options)
    {
        _cluster = EmbeddedKafkaCluster.Start(new EmbeddedKafkaOptions { Brokers = options.Brokers });
        try
        {
            var listeners = _cluster.BootstrapServers.Split(',').Select(IPEndPoint.Parse).ToList();
            for (var broker = 1; broker <= options.Brokers; broker++)
            {
                var port = options.KafkaPort == 0 ? 0 : options.KafkaPort + broker - 1;
                var forwarder = PortForwarder.Start(port, listeners[broker - 1]);
                _forwarders.Add(forwarder);
                _cluster.SetBrokerAdvertisedAddress(broker, "127.0.0.1", forwarder.Port);
            }

            _registry = EmbeddedSchemaRegistry.Start(options.RegistryPort);
        }
        catch
        {
            Stop();
            throw;
        }
    }

    /// <summary>host:port of each broker, in broker id order, for bootstrap.servers.</summary>
    public IReadOnlyList<string> BrokerAddresses => [.. _forwarders.Select(f => $"127.0.0.1:{f.Port}")];

    /// <summary>The line printed once everything listens; the drills wait for it.</summary>
    public string ReadyLine =>
        $"Broker ready: kafka={string.Join(',', BrokerAddresses)} registry={_registry.Url} control={_control?.Url}";

    public static async Task<StandaloneBroker> StartAsync(BrokerOptions options)
    {
        var broker = new StandaloneBroker(options);
        try
        {
            broker._control = await ControlEndpoint.StartAsync(options.ControlPort, broker._cluster, broker.BrokerAddresses).ConfigureAwait(false);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_control is not null)
        {
            await _control.DisposeAsync().ConfigureAwait(false);
        }

        Stop();
    }

    private void Stop()
    {
        _registry?.Dispose();
        foreach (var forwarder in _forwarders)
        {
            forwarder.Dispose();
        }

        _cluster.Dispose();
    }
}
