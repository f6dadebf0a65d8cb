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
        await Eventually.Until(async () => await KafkaStatus(client) == "Healthy", TimeSpan.FromSeconds(30), () => $"kafka check Healthy; last /health: {_lastAnswer}");

        cluster.SetBrokerDown(1);
        try
        {
            // The outbox still takes events, so a short outage is Degraded, not a reason to leave the load balancer.
            Assert.Equal("Degraded", await KafkaStatus(client));
            await Eventually.Until(async () => await KafkaStatus(client) == "Unhealthy", TimeSpan.FromSeconds(30), () => $"kafka check Unhealthy after the grace; last /health: {_lastAnswer}");
        }
        finally
        {
            cluster.SetBrokerUp(1);
        }

        await Eventually.Until(async () => await KafkaStatus(client) == "Healthy", TimeSpan.FromSeconds(30), () => $"kafka check Healthy again; last /health: {_lastAnswer}");
    }

    private string _lastAnswer = "";

    private async Task<string?> KafkaStatus(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
        _lastAnswer = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        using var body = JsonDocument.Parse(_lastAnswer[4..]);
        // Before the host has run its checks once, the answer may not list the kafka check yet.
        return body.RootElement.TryGetProperty("checks", out var checks) && checks.TryGetProperty("kafka", out var kafka)
            ? kafka.GetProperty("status").GetString()
            : null;
    }
}
