using System.Net;
using static Microsoft.Playwright.Assertions;

namespace DebateEvents.Console.Tests;

[Trait("Category", "Integration")]
public sealed class ConsumerTests(ConsoleHost host) : IClassFixture<ConsoleHost>
{
    private const string Endpoint = "kafka/zamaz-debate.metrics-events/metrics-processors";

    [Fact]
    public async Task PauseButton_StopsConsumption_AndResumeButton_CatchesUp()
    {
        var page = await host.OpenAsync("consumers");
        var row = page.Locator($"#consumers tr[data-endpoint='{Endpoint}']");
        await Expect(row.Locator(".state")).ToHaveAttributeAsync("data-state", "Healthy");

        await row.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-paused", "true");
        var name = $"console-paused-{Guid.NewGuid():N}";
        await host.PostAsync("/events/MetricRecorded?wait=true", new { name, value = 2.5, tags = new Dictionary<string, string>(), occurredAt = DateTimeOffset.UtcNow });
        var acknowledgedAt = DateTimeOffset.UtcNow;
        // The endpoint kept polling for a second after the record was in the topic: unpaused, it would have taken it by then.
        await host.UntilAsync(async () => (await host.GetAsync("/kafka/consumers")).Body.EnumerateArray()
            .Single(c => c.GetProperty("endpoint").GetString() == Endpoint).GetProperty("lastPoll").GetDateTimeOffset() > acknowledgedAt.AddSeconds(1),
            "a poll of the paused endpoint a second after the record arrived");
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/read-models/metrics/{name}")).Status);
        await Expect(row.Locator(".state")).ToHaveAttributeAsync("data-state", "Degraded");
        await ConsoleHost.ScreenshotAsync(page, "consumers-paused");

        await row.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-paused", "false");
        await host.UntilAsync(async () => (await host.GetAsync($"/read-models/metrics/{name}")).Status == HttpStatusCode.OK,
            $"metric {name} in the read model after resuming");
        await ConsoleHost.ScreenshotAsync(page, "consumers-resumed");
    }
}
