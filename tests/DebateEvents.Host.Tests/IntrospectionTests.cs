using System.Text.Json;

namespace DebateEvents.Host.Tests;

[Trait("Category", "Integration")]
public sealed class IntrospectionTests
{
    [Fact]
    public async Task Introspect_OnEmbeddedDefaults_ShowsWhereKafkaAndTheRegistryListen_AndEveryEventTypeWithItsSubject()
    {
        await using var factory = new HostFactory();
        using var client = factory.CreateClient();

        var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/kafka/introspect", UriKind.Relative))).RootElement;

        Assert.Equal("embedded", body.GetProperty("mode").GetString());
        Assert.StartsWith("127.0.0.1:", body.GetProperty("bootstrapServers").GetString(), StringComparison.Ordinal);
        var registry = body.GetProperty("schemaRegistry").GetString()!;
        Assert.StartsWith("http://127.0.0.1:", registry, StringComparison.Ordinal);
        var types = body.GetProperty("eventTypes").EnumerateArray().ToList();
        Assert.Equal(9, types.Count);
        Assert.Equal("zamaz-debate.request.analyze.v1",
            types.Single(t => t.GetProperty("name").GetString() == "AnalyzeDebate").GetProperty("topic").GetString());
        var initiated = types.Single(t => t.GetProperty("name").GetString() == "DebateInitiated");
        Assert.Equal("zamaz-debate.debate-events-zamaz.debate.events.DebateInitiated", initiated.GetProperty("subject").GetString());
        Assert.Contains("\"question\"", initiated.GetProperty("schema").GetString(), StringComparison.Ordinal);
        // The subjects named here are the ones the embedded registry holds.
        using var http = new HttpClient();
        var subjects = JsonSerializer.Deserialize<string[]>(await http.GetStringAsync(new Uri(registry + "/subjects")))!;
        Assert.All(types, t => Assert.Contains(t.GetProperty("subject").GetString(), subjects));
        Assert.Contains("zamaz-debate.debate-events", body.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
    }
}
