using Confluent.Kafka;
using DebateEvents.Testing.Drills;

namespace DebateEvents.Host.Tests.Embedded;

/// <summary>The standalone broker shows clients only its fixed ports: metadata names the forwarders, not librdkafka's own listeners.</summary>
[Trait("Category", "Integration")]
public sealed class BrokerAddressTests
{
    [Fact]
    public async Task Metadata_OfAThreeBrokerStandaloneBroker_AdvertisesTheForwardedPortsOnly()
    {
        await using var broker = await BrokerProcess.StartAsync(brokers: 3);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();

        var advertised = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.OrderBy(b => b.BrokerId).Select(b => $"{b.Host}:{b.Port}").ToList();

        Assert.Equal(broker.BootstrapServers.Split(','), advertised);
    }
}
