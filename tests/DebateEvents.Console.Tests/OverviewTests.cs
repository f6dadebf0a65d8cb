using static Microsoft.Playwright.Assertions;

namespace DebateEvents.Console.Tests;

[Trait("Category", "Integration")]
public sealed class OverviewTests(ImpatientConsoleHost host) : IClassFixture<ImpatientConsoleHost>
{
    private const string Red = "rgb(201, 37, 44)";

    [Fact]
    public async Task Overview_ShowsEveryTopicAndGroup_AndTurnsTheKafkaCheckRedWhenTheBrokerGoesDown()
    {
        var page = await host.OpenAsync("overview");
        var (_, topics) = await host.GetAsync("/kafka/topics");
        var (_, consumers) = await host.GetAsync("/kafka/consumers");
        foreach (var topic in topics.EnumerateArray().Select(t => t.GetProperty("name").GetString()))
        {
            await Expect(page.Locator($"#overview tr[data-topic='{topic}']")).ToBeVisibleAsync();
        }

        foreach (var group in consumers.EnumerateArray().Select(c => c.GetProperty("group").GetString()))
        {
            await Expect(page.Locator($"#overview tr[data-group='{group}']")).ToBeVisibleAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            await host.PostAsync("/events/DebateInitiated", new
            {
                debateId = Guid.NewGuid(), question = $"Overview {i}?", participants = new[] { "claude", "gemini" }, roundsPlanned = 2, initiatedBy = "console",
                occurredAt = DateTimeOffset.UtcNow,
            });
        }

        // The chart draws a line for each topic with consumed records in the sampled minutes.
        await Expect(page.Locator("#overview polyline[data-topic='zamaz-debate.debate-events']")).ToBeVisibleAsync();
        var kafka = page.Locator("#overview tr[data-check=kafka] .state");
        await Expect(kafka).ToHaveAttributeAsync("data-state", "Healthy");
        await host.UntilAsync(async () => (await host.GetAsync("/outbox/backlog")).Body.GetProperty("count").GetInt64() == 0, "the three debates delivered");
        await Expect(page.Locator("#overview [data-backlog]")).ToHaveAttributeAsync("data-backlog", "0");
        // What the README shows (scripts/screenshot.sh copies it to docs/console.png): the window as a 1280x800 screen shows it.
        await ConsoleHost.ScreenshotAsync(page, "overview", fullPage: false);

        host.Cluster.SetBrokerDown(1);
        try
        {
            await Expect(kafka).ToHaveAttributeAsync("data-state", "Unhealthy");
            Assert.Equal(Red, await kafka.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
            await ConsoleHost.ScreenshotAsync(page, "overview-broker-down");
        }
        finally
        {
            host.Cluster.SetBrokerUp(1);
        }

        await Expect(kafka).ToHaveAttributeAsync("data-state", "Healthy");
    }

    [Fact]
    public async Task Overview_FitsANarrowWindow_WithoutScrollingThePageSideways()
    {
        var page = await host.OpenAsync("overview", width: 400, height: 800);
        await Expect(page.Locator("#overview tr[data-check=kafka]")).ToBeVisibleAsync();

        var (scrollWidth, clientWidth) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("document.documentElement.clientWidth"));
        await ConsoleHost.ScreenshotAsync(page, "overview-narrow");
        Assert.True(scrollWidth <= clientWidth, $"the page is {scrollWidth} px wide in a {clientWidth} px window");
    }
}
