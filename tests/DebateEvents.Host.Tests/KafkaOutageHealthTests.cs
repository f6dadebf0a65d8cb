using System.Text.Json;
using DebateEvents.Host.Embedded;
using DebateEvents.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class KafkaOutageHealthTests
{
    [Fact]
    public async Task KafkaCheck_WhenTheBrokersGoAway_IsDegradedThenUnhealthyAfterTheGrace_AndHealthyOnTheirReturn()
    {
        await using var factory = new HostFactory { Settings = { ["Kafka:UnhealthyAfter"] = "00:00:08" } };
        using var client = factory.CreateClient();
        var cluster = factory.Services.GetRequiredService<KafkaConnection>().Embedded!;
        await Eventually.Until(async () => await KafkaStatus(client) == "Healthy", TimeSpan.FromSeconds(30), () => "kafka check Healthy");

        cluster.SetBrokerDown(1);
        try
        {
            // The outbox still takes events, so a short outage is Degraded, not a reason to leave the load balancer.
            Assert.Equal("Degraded", await KafkaStatus(client));
            await Eventually.Until(async () => await KafkaStatus(client) == "Unhealthy", TimeSpan.FromSeconds(30), () => "kafka check Unhealthy after the grace");
        }
        finally
        {
            cluster.SetBrokerUp(1);
        }

        await Eventually.Until(async () => await KafkaStatus(client) == "Healthy", TimeSpan.FromSeconds(30), () => "kafka check Healthy again");
    }

    private static async Task<string?> KafkaStatus(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("checks").GetProperty("kafka").GetProperty("status").GetString();
    }
}
