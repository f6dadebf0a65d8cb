using System.Text.Json;
using DebateEvents.Host.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class SimulatorTests
{
    [Fact]
    public async Task Simulator_FeedsEveryProcessor_AndSendsSomeArgumentsToTheDeadLetterPath()
    {
        await using var factory = new HostFactory { Settings = { ["DEBATE_SIMULATOR_RATE"] = "40", ["Simulator:RejectedShare"] = "0.2" } };
        using var client = factory.CreateClient();

        // Completed debates in the read model and recorded evolutions show the simulated events went all the way through.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string evolutions = "[]";
        while (DateTime.UtcNow < deadline && evolutions == "[]")
        {
            evolutions = await client.GetStringAsync(new Uri("/evolutions", UriKind.Relative));
            await Task.Delay(200);
        }

        Assert.NotEqual("[]", evolutions);
        var health = JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative))).RootElement;
        Assert.True(health.GetProperty("checks").TryGetProperty("kafka", out _));
        Assert.Equal(40, factory.Services.GetServices<IHostedService>().OfType<DebateSimulator>().Single().Rate);
    }

    [Fact]
    public async Task Simulator_IsOn_ByDefaultInEmbeddedMode_AndOffWithExternalKafka()
    {
        await using var registry = await DebateEvents.Embedded.EmbeddedSchemaRegistry.StartAsync();

        var embedded = Rate(new HostFactory { Settings = { ["DEBATE_SIMULATOR_RATE"] = null } });
        var external = Rate(new HostFactory
        {
            Settings =
            {
                ["DEBATE_SIMULATOR_RATE"] = null,
                ["KAFKA_BOOTSTRAP_SERVERS"] = "127.0.0.1:1",
                ["KAFKA_SCHEMA_REGISTRY_URL"] = registry.Url,
                ["SchemaRegistry:AutoRegisterSchemas"] = "true",
            },
        });

        Assert.Equal((2, 0), (embedded, external));
    }

    private static int Rate(HostFactory factory)
    {
        using (factory)
        {
            return factory.Services.GetServices<IHostedService>().OfType<DebateSimulator>().Single().Rate;
        }
    }
}
