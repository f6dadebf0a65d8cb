using System.Text.Json;
using DebateEvents.Host.Simulation;
using DebateEvents.Testing;
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

        // Recorded evolutions come only from simulated decisions: the simulated events went all the way through.
        await Eventually.Until(async () => await client.GetStringAsync(new Uri("/evolutions", UriKind.Relative)) != "[]",
            TimeSpan.FromSeconds(30), () => "an evolution recorded from a simulated decision");
        // Arguments for debates nobody started are rejected by the debate processor and end in the dead-letter topic.
        await Eventually.Until(async () =>
        {
            var topics = JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/stats", UriKind.Relative))).RootElement.GetProperty("topics");
            return topics.TryGetProperty("zamaz-debate.debate-events", out var debates) && debates.GetProperty("deadLettered").GetInt64() > 0;
        }, TimeSpan.FromSeconds(30), () => "a dead-lettered simulated argument");
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
